#!/usr/bin/env python3
"""Summarises the CPU samples of a JFR recording: where a proxy's time goes.

    python3 bench/gateway/jfr-summary.py recording.jfr [top]

Reads `jfr print --events jdk.ExecutionSample --stack-depth 256` and prints
  1. samples by component: each sample goes to the innermost frame that belongs to a known
     library (JDK and utility frames are skipped), so "micrometer" is time spent inside Micrometer
     whoever called it;
  2. samples by feature: the first entry of FEATURES (a priority list) found anywhere on the
     stack, so work done for observations, our filters, the security chain, CORS, Spring Cloud
     Gateway's own filters... is counted where a code or configuration change could remove it;
  3. the hottest frames, inclusive (on the stack) and self (at the top).
"""
import collections
import re
import subprocess
import sys

# innermost library frame wins
COMPONENTS = [
    ("org.ssoplatform.", "our gateway code"),
    ("io.micrometer.", "micrometer (metrics/observations)"),
    ("org.springframework.security.", "spring security"),
    ("org.springframework.cloud.gateway.", "spring cloud gateway"),
    ("org.springframework.session.", "spring session"),
    ("io.lettuce.", "lettuce (redis)"),
    ("org.springframework.data.redis.", "spring data redis"),
    ("com.nimbusds.", "nimbus jose (JWT)"),
    ("com.github.benmanes.caffeine.", "caffeine"),
    ("org.springframework.web.", "spring web/webflux"),
    ("org.springframework.http.", "spring web/webflux"),
    ("org.springframework.", "spring (other)"),
    ("reactor.netty.", "reactor netty"),
    ("io.netty.", "netty"),
    ("reactor.", "reactor core"),
    ("org.apache.commons.logging", "logging"),
    ("org.slf4j.", "logging"),
    ("ch.qos.logback.", "logging"),
]

# the first of these (in this order) found anywhere on the stack names the sample
FEATURES = [
    (r"^io\.micrometer\.", "observations / metrics (Micrometer)"),
    (r"^org\.springframework\.core\.log\.LogMessage", "disabled debug logging still formatted"),
    (r"^org\.ssoplatform\.gateway\.ratelimit\.", "ours: rate limiter"),
    (r"^org\.ssoplatform\.gateway\.apikey\.", "ours: API-key filters"),
    (r"^org\.ssoplatform\.gateway\.web\.CorrelationIdFilter", "ours: CorrelationIdFilter"),
    (r"^org\.ssoplatform\.gateway\.web\.OwnedHeadersFilter", "ours: OwnedHeadersFilter"),
    (r"^org\.ssoplatform\.", "ours: other"),
    (r"^org\.springframework\.data\.redis\.|^io\.lettuce\.", "Redis client"),
    (r"^org\.springframework\.security\.oauth2\.|^com\.nimbusds\.", "security: bearer JWT"),
    (r"^org\.springframework\.security\.web\.server\.header\.", "security: response headers"),
    (r"^org\.springframework\.security\.web\.server\.firewall\.", "security: firewall"),
    (r"^org\.springframework\.security\.web\.server\.util\.matcher\.", "security: chain/path matchers"),
    (r"^org\.springframework\.security\.(web\.server\.)?authorization\.", "security: authorization"),
    (r"^org\.springframework\.web\.cors\.|^org\.springframework\.security\.web\.server\.cors", "CORS"),
    (r"^org\.springframework\.security\.", "security: other filters and chain plumbing"),
    (r"^org\.springframework\.cloud\.gateway\.filter\.headers\.", "gateway: header filters"),
    (r"^org\.springframework\.cloud\.gateway\.handler\.RoutePredicateHandlerMapping", "gateway: route lookup"),
    (r"^org\.springframework\.cloud\.gateway\.handler\.FilteringWebHandler\.(handle|loadFilters|combine)", "gateway: filter list per request"),
    (r"^org\.springframework\.cloud\.gateway\.filter\.NettyWriteResponseFilter", "gateway: writing the response"),
    (r"^org\.springframework\.cloud\.gateway\.filter\.NettyRoutingFilter", "gateway: proxying (NettyRoutingFilter)"),
    (r"^org\.springframework\.cloud\.gateway\.", "gateway: other"),
    (r"^org\.springframework\.session\.", "Spring Session"),
    (r"^org\.springframework\.(web|http)\.", "webflux: request handling"),
    (r"^reactor\.netty\.http\.client\.", "netty: http client"),
    (r"^reactor\.netty\.http\.server\.", "netty: http server"),
    (r"^(io|reactor)\.netty\.", "netty: I/O"),
]
FEATURES = [(re.compile(p), name) for p, name in FEATURES]


def stacks(path):
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "256", path],
                         check=True, capture_output=True, text=True).stdout
    current = None
    for line in out.splitlines():
        s = line.strip()
        if s.startswith("stackTrace = ["):
            current = []
        elif current is not None:
            if s.startswith("]"):
                yield current
                current = None
            elif s != "...":
                current.append(re.sub(r"\s+line:.*", "", s))


def component(stack):
    for frame in stack:  # innermost first
        for prefix, name in COMPONENTS:
            if frame.startswith(prefix):
                return name
    return "jdk / other"


def feature(stack):
    for pattern, name in FEATURES:
        if any(pattern.search(frame) for frame in stack):
            return name
    return "other"


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    samples = list(stacks(path))
    n = len(samples)
    if n == 0:
        print("no execution samples")
        return
    print(f"{n} CPU samples (jdk.ExecutionSample) in {path}\n")

    def table(title, counter, limit):
        print(f"| {title} | samples | share |\n|---|---:|---:|")
        for key, count in counter.most_common(limit):
            print(f"| `{key[:150]}` | {count} | {100 * count / n:.1f} % |")
        print()

    table("component (innermost library frame)", collections.Counter(component(s) for s in samples), 30)
    table("feature (first of a priority list found on the stack)", collections.Counter(feature(s) for s in samples), 30)
    inclusive = collections.Counter()
    for s in samples:
        for frame in set(s):
            inclusive[frame] += 1
    interesting = collections.Counter({f: c for f, c in inclusive.items()
                                       if not f.startswith(("reactor.core.", "java.", "jdk.", "io.netty.channel.",
                                                            "io.netty.util.concurrent", "io.netty.handler.codec.ByteToMessage"))})
    table("frame on the stack (inclusive; reactor/JDK/netty plumbing left out)", interesting, top)
    table("frame at the top (self)", collections.Counter(s[0] for s in samples if s), top)


if __name__ == "__main__":
    main()
