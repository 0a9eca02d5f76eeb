import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ssoplatform.contract.ApiKeyFormat;

/**
 * Makes N real API keys for the benchmark with the platform's own {@link ApiKeyFormat} (so the format
 * cannot drift): writes the keys, one a line, to KEYS_FILE and a COPY-ready TSV for table
 * {@code api_keys} (user_id, name, key_hash as bytea hex, key_prefix, key_last_chars) to ROWS_FILE.
 * Run with the platform-contract jar on the class path:
 * {@code java -cp platform-contract/target/platform-contract-*.jar bench/gateway/KeyGen.java N USER_ID KEYS_FILE ROWS_FILE}
 */
public class KeyGen {

    public static void main(String[] args) throws IOException {
        int count = Integer.parseInt(args[0]);
        String userId = args[1];
        try (PrintWriter keys = new PrintWriter(Files.newBufferedWriter(Path.of(args[2])));
                PrintWriter rows = new PrintWriter(Files.newBufferedWriter(Path.of(args[3])))) {
            for (int i = 0; i < count; i++) {
                String key = ApiKeyFormat.generate();
                if (!ApiKeyFormat.isWellFormed(key)) {
                    throw new IllegalStateException("generated a malformed key");
                }
                keys.println(key);
                rows.println(userId + "\tbench-" + i + "\t\\\\x" + ApiKeyFormat.hashHex(key) + "\t"
                        + ApiKeyFormat.displayPrefix(key) + "\t" + ApiKeyFormat.lastChars(key));
            }
        }
    }
}
