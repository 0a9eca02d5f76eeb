#!/usr/bin/env python3
"""Writes platform.postman_collection.json: every endpoint of the seed's README, through the gateway, and the
first steps of CLI sign-in at auth-server (the person's approval needs a browser).

Run order matters (newman runs top to bottom): sign in as admin and as a plain user through the seed's
JSON login and the local stand-in IdP, then users, roles and permissions, API keys, OAuth clients, the examples
with the seed's expected results, and account security (identities, signing out everywhere, a user
who signs in once and deletes their account).
"""
import json

def test(*lines):
    return {"listen": "test", "script": {"type": "text/javascript", "exec": list(lines)}}

def pre(*lines):
    return {"listen": "prerequest", "script": {"type": "text/javascript", "exec": list(lines)}}

def request(name, method, path, *, auth="jwt", body=None, form=None, tests=(), prereq=(), follow=True, url=None):
    headers = []
    if auth == "jwt":
        headers.append({"key": "Authorization", "value": "Bearer {{jwt_token}}"})
    elif auth == "user_jwt":
        headers.append({"key": "Authorization", "value": "Bearer {{user_jwt_token}}"})
    elif auth == "leaver_jwt":
        headers.append({"key": "Authorization", "value": "Bearer {{leaver_jwt_token}}"})
    elif auth == "api_key":
        headers.append({"key": "X-API-Key", "value": "{{api_key}}"})
    elif auth == "read_key":
        headers.append({"key": "X-API-Key", "value": "{{read_only_key}}"})
    elif auth == "old_key":
        headers.append({"key": "X-API-Key", "value": "{{old_api_key}}"})
    item = {"name": name, "request": {"method": method, "header": headers,
                                      "url": url or "{{base_url}}" + path}, "event": []}
    if body is not None:
        headers.append({"key": "Content-Type", "value": "application/json"})
        item["request"]["body"] = {"mode": "raw", "raw": json.dumps(body, indent=2)}
    if form is not None:
        item["request"]["body"] = {"mode": "urlencoded",
                                   "urlencoded": [{"key": k, "value": v} for k, v in form.items()]}
    if prereq:
        item["event"].append(pre(*prereq))
    if tests:
        item["event"].append(test(*tests))
    if not follow:
        item["protocolProfileBehavior"] = {"followRedirects": False}
    return item

def status(code):
    return f"pm.test('status {code}', () => pm.response.to.have.status({code}));"

def sign_in(who, email, name, token_var, username=None):
    claims = json.dumps({"email": email, "email_verified": True, "name": name})
    return [
        request(f"Sign in as {who}: start (GET /api/v1/auth/local/login)", "GET", "/api/v1/auth/{{provider}}/login",
                auth=None, tests=(status(200),
                    "const body = pm.response.json();",
                    "pm.test('returns the provider URL and a state', () => { pm.expect(body.authorization_url).to.include('state='); pm.expect(body.state).to.be.a('string'); });",
                    "pm.collectionVariables.set('authorization_url', body.authorization_url);")),
        request(f"Sign in as {who}: the stand-in IdP's login form", "POST", None, auth=None, url="{{authorization_url}}",
                form={"username": username or who, "claims": claims}, follow=False,
                tests=("pm.test('the IdP redirects back with a code', () => pm.expect(pm.response.code).to.equal(302));",
                       "pm.collectionVariables.set('callback_url', pm.response.headers.get('Location'));")),
        request(f"Sign in as {who}: callback (GET /api/v1/auth/local/callback)", "GET", None, auth=None, url="{{callback_url}}",
                tests=(status(200),
                       "const body = pm.response.json();",
                       "pm.test('a bearer token and the user', () => { pm.expect(body.token_type).to.equal('bearer'); pm.expect(body.user.email).to.equal(" + email_js(email) + "); });",
                       f"pm.collectionVariables.set('{token_var}', body.access_token);",
                       f"pm.collectionVariables.set('{token_var}_user_id', body.user.id);")),
    ]

def email_js(email):
    """The e-mail as a JavaScript expression: {{run}} is the collection variable run."""
    if "{{run}}" not in email:
        return "'" + email + "'"
    before, after = email.split("{{run}}")
    return "'" + before + "' + pm.collectionVariables.get('run') + '" + after + "'"

run_suffix = [
    "if (!pm.collectionVariables.get('run')) { pm.collectionVariables.set('run', String(Date.now()).slice(-8)); }",
]

collection = {
    "info": {
        "name": "SSO platform",
        "description": "Every endpoint of the seed's README, through the gateway, with the seed's expected results. "
                       "Run: newman run postman/platform.postman_collection.json -e postman/platform.postman_environment.json "
                       "against ./platform up (BOOTSTRAP_ADMINS includes admin@example.com).",
        "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
    },
    "variable": [{"key": k, "value": ""} for k in [
        "authorization_url", "callback_url", "jwt_token", "jwt_token_user_id", "user_jwt_token", "user_jwt_token_user_id",
        "permission_id", "role_id", "viewer_role_id", "users_read_permission_id", "api_key", "api_key_id", "read_only_key",
        "read_only_key_id", "old_api_key", "run", "identity_id", "leaver_jwt_token", "leaver_jwt_token_user_id",
        "client_id", "client_secret", "old_client_secret", "device_code"]],
    "event": [pre(*run_suffix)],
    "item": [
        {"name": "Authentication", "item": sign_in("admin", "admin@example.com", "Ada Admin", "jwt_token")
            + sign_in("user", "user@example.com", "Uma User", "user_jwt_token")},
        {"name": "Users", "item": [
            request("GET /users/me", "GET", "/api/v1/users/me", tests=(status(200),
                "pm.test('the signed-in admin with roles and permissions', () => { const me = pm.response.json(); pm.expect(me.email).to.equal('admin@example.com'); pm.expect(me.roles.map(r => r.name)).to.include('admin'); });")),
            request("GET /users/ (needs users:read)", "GET", "/api/v1/users/?email=example.com", tests=(status(200),
                "pm.test('lists users', () => pm.expect(pm.response.json().items.length).to.be.above(1));")),
            request("GET /roles/ (find the viewer role)", "GET", "/api/v1/roles/", tests=(status(200),
                "const viewer = pm.response.json().find(r => r.name === 'viewer');",
                "pm.collectionVariables.set('viewer_role_id', viewer.id);")),
            request("POST /users/{user_id}/roles/{role_id}", "POST", "/api/v1/users/{{user_jwt_token_user_id}}/roles/{{viewer_role_id}}",
                tests=("pm.test('role assigned', () => pm.expect(pm.response.code).to.be.oneOf([200, 201, 204]));",)),
            request("DELETE /users/{user_id}/roles/{role_id}", "DELETE", "/api/v1/users/{{user_jwt_token_user_id}}/roles/{{viewer_role_id}}",
                tests=("pm.test('role removed', () => pm.expect(pm.response.code).to.be.oneOf([200, 204]));",)),
            request("GET /users/ as a plain user → 403", "GET", "/api/v1/users/", auth="user_jwt", tests=(status(403),
                "pm.test('problem+json', () => pm.expect(pm.response.headers.get('Content-Type')).to.include('application/problem+json'));")),
        ]},
        {"name": "Roles & permissions", "item": [
            request("POST /roles/permissions/", "POST", "/api/v1/roles/permissions/",
                body={"name": "reports{{run}}:read", "description": "Read reports", "resource": "reports{{run}}", "action": "read"},
                tests=(status(201), "pm.collectionVariables.set('permission_id', pm.response.json().id);")),
            request("GET /roles/permissions/", "GET", "/api/v1/roles/permissions/", tests=(status(200),
                "const all = pm.response.json();",
                "pm.collectionVariables.set('users_read_permission_id', all.find(p => p.name === 'users:read').id);",
                "pm.test('includes the new permission', () => pm.expect(all.map(p => p.id)).to.include(pm.collectionVariables.get('permission_id')));")),
            request("POST /roles/permissions/ with a malformed name → 400", "POST", "/api/v1/roles/permissions/",
                body={"name": "Not A Permission", "resource": "Not", "action": "A Permission"}, tests=(status(400),)),
            request("POST /roles/", "POST", "/api/v1/roles/",
                body={"name": "editor-{{run}}", "description": "Content editor role", "permission_ids": []},
                prereq=("pm.request.body.raw = JSON.stringify({name: 'editor-' + pm.collectionVariables.get('run'), description: 'Content editor role', permission_ids: [Number(pm.collectionVariables.get('users_read_permission_id'))]});",),
                tests=(status(201), "pm.collectionVariables.set('role_id', pm.response.json().id);")),
            request("POST /roles/ again with the same name → 409", "POST", "/api/v1/roles/",
                body={"name": "editor-{{run}}", "description": "duplicate", "permission_ids": []}, tests=(status(409),)),
            request("GET /roles/", "GET", "/api/v1/roles/", tests=(status(200),
                "pm.test('includes admin, user, viewer', () => pm.expect(pm.response.json().map(r => r.name)).to.include.members(['admin', 'user', 'viewer']));")),
            request("GET /roles/{role_id}", "GET", "/api/v1/roles/{{role_id}}", tests=(status(200),
                "pm.test('the editor role', () => pm.expect(pm.response.json().name).to.equal('editor-' + pm.collectionVariables.get('run')));")),
            request("POST /roles/{role_id}/permissions/{permission_id}", "POST", "/api/v1/roles/{{role_id}}/permissions/{{permission_id}}",
                tests=("pm.test('permission added', () => pm.expect(pm.response.code).to.be.oneOf([200, 201, 204]));",)),
        ]},
        {"name": "API keys", "item": [
            request("POST /api-keys/", "POST", "/api/v1/api-keys/",
                body={"name": "My API Key", "description": "API key for automation", "expires_at": None, "role_ids": [], "permission_ids": []},
                prereq=("pm.request.body.raw = JSON.stringify({name: 'My API Key', description: 'API key for automation', expires_at: new Date(Date.now() + 86400000).toISOString(), role_ids: [], permission_ids: []});",),
                tests=(status(201), "const key = pm.response.json();",
                       "pm.test('the full key, once', () => pm.expect(key.key).to.match(/^ssop_[0-9A-Za-z]{46}$/));",
                       "pm.collectionVariables.set('api_key', key.key);", "pm.collectionVariables.set('api_key_id', key.id);")),
            request("POST /api-keys/ (users:read only, its own rate limit)", "POST", "/api/v1/api-keys/",
                body={"name": "Read-only key", "description": "only users:read", "permission_ids": [],
                      "rate_limit": {"capacity": 50, "replenish_per_second": 5}},
                prereq=("pm.request.body.raw = JSON.stringify({name: 'Read-only key', description: 'only users:read', role_ids: [], permission_ids: [Number(pm.collectionVariables.get('users_read_permission_id'))], rate_limit: {capacity: 50, replenish_per_second: 5}});",),
                tests=(status(201), "pm.collectionVariables.set('read_only_key', pm.response.json().key);",
                       "pm.test('its rate_limit as given', () => pm.expect(pm.response.json().rate_limit).to.eql({capacity: 50, replenish_per_second: 5}));",
                       "pm.collectionVariables.set('read_only_key_id', pm.response.json().id);")),
            request("GET /api-keys/", "GET", "/api/v1/api-keys/", tests=(status(200),
                "pm.test('listed by prefix, never in full', () => { const text = pm.response.text(); pm.expect(text).to.not.include(pm.collectionVariables.get('api_key')); });")),
            request("GET /api-keys/{api_key_id}", "GET", "/api/v1/api-keys/{{api_key_id}}", tests=(status(200),
                "pm.test('no secret in the details', () => pm.expect(pm.response.json().key).to.be.undefined);")),
            request("PATCH /api-keys/{api_key_id} with a rate_limit", "PATCH", "/api/v1/api-keys/{{api_key_id}}",
                body={"rate_limit": {"capacity": 200, "replenish_per_second": 20}}, tests=(status(200),
                "pm.test('the new rate_limit', () => pm.expect(pm.response.json().rate_limit).to.eql({capacity: 200, replenish_per_second: 20}));")),
            request("GET /api-keys/{api_key_id} shows the rate_limit", "GET", "/api/v1/api-keys/{{api_key_id}}", tests=(status(200),
                "pm.test('capacity 200, 20 a second', () => pm.expect(pm.response.json().rate_limit).to.eql({capacity: 200, replenish_per_second: 20}));")),
            request("The gateway limits the key by its own rate_limit", "GET", "/examples/apikey-only", auth="api_key",
                prereq=("// gateways apply a changed limit within a second; give the invalidation that second",
                        "setTimeout(() => {}, 1000);"), tests=(status(200),
                "pm.test('RateLimit-Limit 200', () => pm.expect(pm.response.headers.get('RateLimit-Limit')).to.equal('200'));")),
            request("PATCH /api-keys/{api_key_id} with rate_limit null: the gateways' default again", "PATCH",
                "/api/v1/api-keys/{{api_key_id}}", body={"rate_limit": None}, tests=(status(200),
                "pm.test('no rate_limit of its own', () => pm.expect(pm.response.json().rate_limit).to.equal(null));")),
            request("PATCH /api-keys/{api_key_id} with capacity 0 → 400 naming it", "PATCH", "/api/v1/api-keys/{{api_key_id}}",
                body={"rate_limit": {"capacity": 0, "replenish_per_second": 1}}, tests=(status(400),
                "pm.test('validation_failed on rate_limit.capacity', () => { const p = pm.response.json(); pm.expect(p.code).to.equal('validation_failed'); pm.expect(p.errors[0].field).to.equal('rate_limit.capacity'); });")),
            request("POST /api-keys/ as a user above the user role's maximum rate_limit → 422", "POST", "/api/v1/api-keys/",
                auth="user_jwt", body={"name": "greedy", "rate_limit": {"capacity": 1000000, "replenish_per_second": 1}},
                tests=(status(422),
                "pm.test('rate_limit_above_maximum on rate_limit.capacity', () => { const p = pm.response.json(); pm.expect(p.code).to.equal('rate_limit_above_maximum'); pm.expect(p.errors[0].field).to.equal('rate_limit.capacity'); });",
                "pm.test('problem+json', () => pm.expect(pm.response.headers.get('Content-Type')).to.include('application/problem+json'));")),
            request("GET /api-keys/{api_key_id}/usage?days=7", "GET", "/api/v1/api-keys/{{api_key_id}}/usage?days=7",
                tests=(status(200),
                "pm.test('seven UTC days, oldest first, today last', () => {",
                "  const usage = pm.response.json();",
                "  pm.expect(usage.key_id).to.equal(String(pm.collectionVariables.get('api_key_id')));",
                "  pm.expect(usage.days).to.have.lengthOf(7);",
                "  pm.expect(usage.days[6].date).to.equal(new Date().toISOString().slice(0, 10));",
                "  usage.days.forEach(day => pm.expect(day.requests).to.be.a('number').and.at.least(0));",
                "  pm.expect(usage.days[0].date < usage.days[6].date).to.equal(true);",
                "});")),
            request("GET /api-keys/{api_key_id}/usage?days=0 → 400", "GET", "/api/v1/api-keys/{{api_key_id}}/usage?days=0",
                tests=(status(400),
                "pm.test('problem+json', () => pm.expect(pm.response.headers.get('Content-Type')).to.include('application/problem+json'));")),
            request("PATCH /api-keys/{api_key_id}/deactivate", "PATCH", "/api/v1/api-keys/{{api_key_id}}/deactivate", tests=(status(200),
                "pm.test('inactive', () => pm.expect(pm.response.json().is_active).to.equal(false));")),
            request("A deactivated key is refused → 401", "GET", "/examples/apikey-only", auth="api_key", tests=(status(401),)),
            request("PATCH /api-keys/{api_key_id}/activate", "PATCH", "/api/v1/api-keys/{{api_key_id}}/activate", tests=(status(200),
                "pm.test('active', () => pm.expect(pm.response.json().is_active).to.equal(true));")),
            request("An API key cannot manage keys → 401", "POST", "/api/v1/api-keys/", auth="api_key",
                body={"name": "from a key"}, tests=(status(401),)),
            request("An unsigned leak report → 401, the key keeps working", "POST", "/api/v1/api-keys/leaks", auth=None,
                body=[{"token": "{{api_key}}", "type": "ssop_api_key", "url": "https://github.com/someone/repo/blob/main/.env", "source": "content"}],
                tests=(status(401),
                       "pm.test('problem+json', () => pm.expect(pm.response.headers.get('Content-Type')).to.include('application/problem+json'));")),
            request("The key still works after the unsigned report", "GET", "/examples/apikey-only", auth="api_key", tests=(status(200),)),
            request("An API key cannot grant roles → 403 user_token_required", "POST",
                "/api/v1/users/{{user_jwt_token_user_id}}/roles/{{viewer_role_id}}", auth="api_key", tests=(status(403),
                "pm.test('problem+json user_token_required', () => pm.expect(pm.response.json().code).to.equal('user_token_required'));")),
            request("POST /api-keys/ with a number for the name → 400 naming it", "POST", "/api/v1/api-keys/",
                body={"name": 12}, tests=(status(400),
                "pm.test('validation_failed on name', () => { const p = pm.response.json(); pm.expect(p.code).to.equal('validation_failed'); pm.expect(p.errors[0].field).to.equal('name'); });")),
            request("POST /api-keys/{api_key_id}/rotate with grace_seconds beyond API_KEY_ROTATION_GRACE → 400", "POST",
                "/api/v1/api-keys/{{api_key_id}}/rotate", body={"grace_seconds": 999999999}, tests=(status(400),
                "pm.test('names grace_seconds', () => pm.expect(pm.response.json().errors[0].field).to.equal('grace_seconds'));")),
            request("POST /api-keys/{api_key_id}/rotate with grace_seconds 0: the old key stops at once", "POST",
                "/api/v1/api-keys/{{api_key_id}}/rotate", body={"grace_seconds": 0}, tests=(status(200),
                "const rotated = pm.response.json();",
                "pm.test('a new key, no grace left for the old one', () => { pm.expect(rotated.key).to.match(/^ssop_[0-9A-Za-z]{46}$/); pm.expect(rotated.rotation_grace_ends_at).to.equal(null); });",
                "pm.collectionVariables.set('old_api_key', pm.collectionVariables.get('api_key'));",
                "pm.collectionVariables.set('api_key', rotated.key);")),
            request("The rotated-out key is refused → 401", "GET", "/examples/apikey-only", auth="old_key",
                prereq=("// gateways drop a rotated-out key within a second; give the invalidation that second",
                        "setTimeout(() => {}, 1000);"), tests=(status(401),)),
            request("The new key works → 200", "GET", "/examples/apikey-only", auth="api_key", tests=(status(200),)),
        ]},
        {"name": "OAuth clients", "item": [
            request("POST /clients: register a service (admin)", "POST", "/api/v1/clients",
                body={"client_id": "postman-{{run}}", "name": "Postman service", "type": "confidential",
                      "grant_types": ["client_credentials"], "scopes": ["reports.read"]},
                tests=(status(201), "const client = pm.response.json();",
                       "pm.test('the generated secret, once', () => pm.expect(client.client_secret).to.match(/^[A-Za-z0-9_-]{43,}$/));",
                       "pm.test('registered as asked, not bootstrapped', () => { pm.expect(client.client_id).to.equal('postman-' + pm.collectionVariables.get('run')); pm.expect(client.bootstrapped).to.equal(false); pm.expect(client.require_consent).to.equal(true); });",
                       "pm.collectionVariables.set('client_id', client.client_id);",
                       "pm.collectionVariables.set('client_secret', client.client_secret);")),
            request("POST /clients with a wildcard redirect URI → 400 naming it", "POST", "/api/v1/clients",
                body={"name": "Wildcard", "type": "public", "grant_types": ["authorization_code"],
                      "redirect_uris": ["https://*.example.com/callback"]},
                tests=(status(400),
                "pm.test('validation_failed on redirect_uris', () => { const p = pm.response.json(); pm.expect(p.code).to.equal('validation_failed'); pm.expect(p.errors[0].field).to.equal('redirect_uris'); });")),
            request("GET /clients", "GET", "/api/v1/clients", tests=(status(200),
                "const clients = pm.response.json();",
                "pm.test('the new client and the configured ones', () => { const ids = clients.map(c => c.client_id); pm.expect(ids).to.include.members([pm.collectionVariables.get('client_id'), 'gateway', 'portal']); pm.expect(clients.find(c => c.client_id === 'portal').bootstrapped).to.equal(true); });",
                "pm.test('never a secret', () => pm.expect(pm.response.text()).to.not.include(pm.collectionVariables.get('client_secret')));")),
            request("GET /clients/{client_id}", "GET", "/api/v1/clients/{{client_id}}", tests=(status(200),
                "const client = pm.response.json();",
                "pm.test('the client, without its secret', () => { pm.expect(client.grant_types).to.eql(['client_credentials']); pm.expect(client.client_secret).to.be.undefined; });")),
            request("The new client gets a client-credentials token at /oauth2/token", "POST", None, auth=None,
                url="{{auth_url}}/oauth2/token",
                form={"grant_type": "client_credentials", "scope": "reports.read", "client_id": "{{client_id}}",
                      "client_secret": "{{client_secret}}"},
                tests=(status(200), "pm.test('an access token', () => pm.expect(pm.response.json().access_token).to.be.a('string'));")),
            request("PATCH /clients/{client_id}", "PATCH", "/api/v1/clients/{{client_id}}",
                body={"name": "Postman service, renamed", "access_token_ttl_seconds": 300}, tests=(status(200),
                "pm.test('changed', () => { pm.expect(pm.response.json().name).to.equal('Postman service, renamed'); pm.expect(pm.response.json().access_token_ttl_seconds).to.equal(300); });")),
            request("DELETE /clients/portal: a configured client → 409", "DELETE", "/api/v1/clients/portal",
                tests=(status(409),
                "pm.test('problem+json client_read_only', () => pm.expect(pm.response.json().code).to.equal('client_read_only'));")),
            request("An API key cannot register clients → 403 user_token_required", "POST", "/api/v1/clients",
                auth="api_key", body={"name": "from a key", "type": "confidential", "grant_types": ["client_credentials"]},
                tests=(status(403),
                "pm.test('problem+json user_token_required', () => pm.expect(pm.response.json().code).to.equal('user_token_required'));")),
            request("POST /clients/{client_id}/secret/rotate with grace_seconds 0", "POST",
                "/api/v1/clients/{{client_id}}/secret/rotate", body={"grace_seconds": 0}, tests=(status(200),
                "const rotated = pm.response.json();",
                "pm.test('a new secret, no grace for the old one', () => { pm.expect(rotated.client_secret).to.match(/^[A-Za-z0-9_-]{43,}$/); pm.expect(rotated.client_secret).to.not.equal(pm.collectionVariables.get('client_secret')); pm.expect(rotated.previous_secret_expires_at).to.equal(null); });",
                "pm.collectionVariables.set('old_client_secret', pm.collectionVariables.get('client_secret'));",
                "pm.collectionVariables.set('client_secret', rotated.client_secret);")),
            request("The rotated-out secret is refused → 401", "POST", None, auth=None, url="{{auth_url}}/oauth2/token",
                form={"grant_type": "client_credentials", "client_id": "{{client_id}}", "client_secret": "{{old_client_secret}}"},
                tests=(status(401), "pm.test('invalid_client', () => pm.expect(pm.response.json().error).to.equal('invalid_client'));")),
            request("The new secret works → 200", "POST", None, auth=None, url="{{auth_url}}/oauth2/token",
                form={"grant_type": "client_credentials", "client_id": "{{client_id}}", "client_secret": "{{client_secret}}"},
                tests=(status(200),)),
            request("DELETE /clients/{client_id}", "DELETE", "/api/v1/clients/{{client_id}}", tests=(status(204),)),
            request("GET /clients/{client_id} of a deleted client → 404", "GET", "/api/v1/clients/{{client_id}}",
                tests=(status(404),
                "pm.test('problem+json client_not_found', () => pm.expect(pm.response.json().code).to.equal('client_not_found'));")),
        ]},
        {"name": "Examples: the seed's expected results", "item": [
            request("GET /examples/public", "GET", "/examples/public", auth=None, tests=(status(200),
                "pm.test('public', () => pm.expect(pm.response.json().status).to.equal('public'));")),
            request("JWT-only with JWT → 200", "GET", "/examples/jwt-only", tests=(status(200),
                "pm.test('auth_type JWT', () => pm.expect(pm.response.json().auth_type).to.equal('JWT'));")),
            request("JWT-only with API key → 401", "GET", "/examples/jwt-only", auth="api_key", tests=(status(401),)),
            request("API-key-only with API key → 200", "GET", "/examples/apikey-only", auth="api_key", tests=(status(200),
                "pm.test('auth_type API_KEY', () => pm.expect(pm.response.json().auth_type).to.equal('API_KEY'));")),
            request("API-key-only with JWT → 401", "GET", "/examples/apikey-only", tests=(status(401),)),
            request("Either with JWT → 200", "GET", "/examples/either-auth", tests=(status(200),)),
            request("Either with API key → 200", "GET", "/examples/either-auth", auth="api_key", tests=(status(200),)),
            request("Admin-only with admin → 200", "GET", "/examples/admin-only", tests=(status(200),)),
            request("Admin-only without admin → 403", "GET", "/examples/admin-only", auth="user_jwt", tests=(status(403),)),
            request("read-users-permission with users:read → 200", "GET", "/examples/read-users-permission", auth="read_key", tests=(status(200),)),
            request("write-users-permission with users:read only → 403", "GET", "/examples/write-users-permission", auth="read_key", tests=(status(403),)),
            request("write-users-permission as admin → 200", "GET", "/examples/write-users-permission", tests=(status(200),)),
            request("No credentials → 401", "GET", "/examples/jwt-only", auth=None, tests=(status(401),
                "pm.test('a Bearer challenge', () => pm.expect(pm.response.headers.get('WWW-Authenticate')).to.include('Bearer'));")),
        ]},
        {"name": "Account security", "item": [
            request("GET /users/me says whether the e-mail is verified", "GET", "/api/v1/users/me", tests=(status(200),
                "pm.test('email_verified: the local IdP said so and is trusted to', () => pm.expect(pm.response.json().email_verified).to.equal(true));")),
            request("POST /users/{user_id}/sessions/revoke as admin: sign a user out everywhere", "POST",
                "/api/v1/users/{{user_jwt_token_user_id}}/sessions/revoke", tests=(status(204),)),
            request("POST /users/me/sessions/revoke: sign out everywhere", "POST", "/api/v1/users/me/sessions/revoke",
                auth="user_jwt", tests=(status(204),)),
            request("POST /users/{user_id}/sessions/revoke as a plain user → 403", "POST",
                "/api/v1/users/{{jwt_token_user_id}}/sessions/revoke", auth="user_jwt", tests=(status(403),)),
            request("DELETE /users/{user_id} as a plain user → 403", "DELETE", "/api/v1/users/{{jwt_token_user_id}}",
                auth="user_jwt", tests=(status(403),)),
        ] + sign_in("a leaver", "leaver-{{run}}@example.com", "Lee Leaver", "leaver_jwt_token", username="leaver-{{run}}") + [
            request("GET /users/me/identities", "GET", "/api/v1/users/me/identities", auth="leaver_jwt", tests=(status(200),
                "const identities = pm.response.json();",
                "pm.test('one identity, the local IdP account, verified', () => { pm.expect(identities).to.have.lengthOf(1); pm.expect(identities[0].provider).to.equal('local'); pm.expect(identities[0].email_verified).to.equal(true); pm.expect(identities[0]).to.have.property('linked_at'); });",
                "pm.collectionVariables.set('identity_id', identities[0].id);")),
            request("DELETE /users/me/identities/{identity_id}: the last one → 409", "DELETE",
                "/api/v1/users/me/identities/{{identity_id}}", auth="leaver_jwt", tests=(status(409),
                "pm.test('problem+json last_identity', () => { pm.expect(pm.response.headers.get('Content-Type')).to.include('application/problem+json'); pm.expect(pm.response.json().code).to.equal('last_identity'); });")),
            request("DELETE /users/me: delete one's own account", "DELETE", "/api/v1/users/me", auth="leaver_jwt",
                tests=(status(204),)),
            request("GET /users/me of a deleted account → 404", "GET", "/api/v1/users/me", auth="leaver_jwt",
                tests=(status(404),)),
            request("GET /audit?action=user.deleted: the trail keeps the event", "GET",
                "/api/v1/audit?action=user.deleted&target_id={{leaver_jwt_token_user_id}}", tests=(status(200),
                "pm.test('one user.deleted line, by the user', () => { const page = pm.response.json(); pm.expect(page.total).to.equal(1); pm.expect(page.items[0].details.by_self).to.equal(true); });")),
            request("GET /audit?action=auth.sign_in: sign-ins", "GET", "/api/v1/audit?action=auth.sign_in&size=5",
                tests=(status(200),
                "pm.test('only sign-ins, naming the provider', () => { const items = pm.response.json().items; pm.expect(items.length).to.be.above(0); items.forEach(i => { pm.expect(i.action).to.equal('auth.sign_in'); pm.expect(i.details.provider).to.equal('local'); }); });")),
        ]},
        {"name": "CLI sign-in (device flow, RFC 8628; at auth-server)", "item": [
            request("POST /oauth2/device_authorization as the public client cli", "POST", None, auth=None,
                url="{{auth_url}}/oauth2/device_authorization",
                form={"client_id": "cli", "scope": "profile email"}, tests=(status(200),
                "const device = pm.response.json();",
                "pm.test('a device code, a code for the person, where they enter it, and how often to poll', () => {",
                "  pm.expect(device.device_code).to.be.a('string').and.have.length.above(40);",
                "  pm.expect(device.user_code).to.match(/^[A-Z]{4}-[A-Z]{4}$/);",
                "  pm.expect(device.verification_uri).to.equal(pm.environment.get('auth_url') + '/device');",
                "  pm.expect(device.verification_uri_complete).to.equal(device.verification_uri + '?user_code=' + device.user_code);",
                "  pm.expect(device.expires_in).to.be.above(0);",
                "  pm.expect(device.interval).to.be.at.least(1);",
                "});",
                "pm.collectionVariables.set('device_code', device.device_code);")),
            request("POST /oauth2/token with the device code before the person answers → 400 authorization_pending",
                "POST", None, auth=None, url="{{auth_url}}/oauth2/token",
                form={"grant_type": "urn:ietf:params:oauth:grant-type:device_code", "client_id": "cli",
                      "device_code": "{{device_code}}"}, tests=(status(400),
                "pm.test('authorization_pending: poll again after the interval', () => pm.expect(pm.response.json().error).to.equal('authorization_pending'));")),
        ]},
        {"name": "Clean-up", "item": [
            request("DELETE /api-keys/{api_key_id}", "DELETE", "/api/v1/api-keys/{{api_key_id}}",
                tests=("pm.test('deleted', () => pm.expect(pm.response.code).to.be.oneOf([200, 204]));",)),
            request("DELETE /api-keys/{read_only_key_id}", "DELETE", "/api/v1/api-keys/{{read_only_key_id}}",
                tests=("pm.test('deleted', () => pm.expect(pm.response.code).to.be.oneOf([200, 204]));",)),
            request("A deleted key is refused → 401", "GET", "/examples/apikey-only", auth="api_key",
                prereq=("// gateways drop a revoked key within a second; give the invalidation that second",
                        "setTimeout(() => {}, 1000);"), tests=(status(401),)),
        ]},
    ],
}

with open("platform.postman_collection.json", "w") as out:
    json.dump(collection, out, indent=2)
    out.write("\n")
with open("platform.postman_environment.json", "w") as out:
    json.dump({"name": "local (./platform up)", "values": [
        {"key": "base_url", "value": "http://localhost:8080", "enabled": True},
        {"key": "provider", "value": "local", "enabled": True},
        # CLI sign-in talks to auth-server itself, as OAuth clients do (the gateway routes the API, not /oauth2/**).
        {"key": "auth_url", "value": "http://localhost:9000", "enabled": True},
    ]}, out, indent=2)
    out.write("\n")
