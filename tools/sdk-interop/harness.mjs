// The harness interop.mjs and control.mjs share: their settings (command line or environment), one ok/FAIL line per
// check, and the assertions the checks use.
import { readFileSync, existsSync } from "node:fs";

export const CALL_TIMEOUT_MS = 10_000;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const UNKNOWN_UUID = "00000000-0000-4000-8000-000000000000";

// ---- settings -------------------------------------------------------------------------------------------------

export function settings() {
    const args = process.argv.slice(2);
    const arg = (name, env) => {
        const i = args.indexOf(`--${name}`);
        const value = i >= 0 ? args[i + 1] : process.env[env];
        if (!value) {
            console.error(`${process.argv[1]}: missing --${name} (or ${env})`);
            process.exit(2);
        }
        return value;
    };
    const baseUrl = arg("base-url", "SDK_INTEROP_BASE_URL");
    const authId = arg("auth-id", "SDK_INTEROP_AUTH_ID");
    const authToken = arg("auth-token", "SDK_INTEROP_AUTH_TOKEN");
    const seedText = arg("seed", "SDK_INTEROP_SEED");
    const seed = JSON.parse(seedText.trimStart().startsWith("{") || !existsSync(seedText) ? seedText : readFileSync(seedText, "utf8"));
    // The SDK appends "/" + path to `url`: give it .../v1/Account/<auth_id> without a trailing slash.
    const url = `${baseUrl.replace(/\/+$/, "")}/Account/${authId}`;
    // The sandbox's control API (control.mjs only): its URL, and the token it asks for when it has one.
    const option = (name, env) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : process.env[env]; };
    const controlUrl = option("control-url", "SDK_INTEROP_CONTROL_URL");
    const controlToken = option("control-token", "SDK_INTEROP_CONTROL_TOKEN");
    return { url, authId, authToken, seed, controlUrl, controlToken };
}

// ---- the checks' harness --------------------------------------------------------------------------------------

export const results = { passed: 0, failed: 0 };

export class CheckFailed extends Error {}

export function describe(error) {
    if (error instanceof CheckFailed) return error.message;
    if (error && typeof error === "object" && "status" in error) {
        return `rejected: status ${error.status}, error ${JSON.stringify(error.message)}, api_id ${JSON.stringify(error.apiID)}`;
    }
    // The SDK rejects with a status-less Error for statuses it does not map (e.g. 501: "not served yet").
    const text = error instanceof Error ? error.message : String(error);
    return `rejected: ${text.split("\n")[0]}`;
}

export async function check(name, body) {
    let timer;
    try {
        await Promise.race([
            body(),
            new Promise((_, reject) => { timer = setTimeout(() => reject(new CheckFailed(`no answer within ${CALL_TIMEOUT_MS} ms`)), CALL_TIMEOUT_MS); }),
        ]);
        results.passed++;
        console.log(`ok   ${name}`);
    } catch (error) {
        results.failed++;
        console.log(`FAIL ${name}: ${describe(error)}`);
    } finally {
        clearTimeout(timer);
    }
}

export function expect(condition, what) {
    if (!condition) throw new CheckFailed(what);
}

export function equal(actual, expected, what) {
    expect(actual === expected, `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

export function includesAll(actual, expected, what) {
    const missing = expected.filter((x) => !actual.includes(x));
    expect(missing.length === 0, `${what}: missing ${JSON.stringify(missing)} in ${JSON.stringify(actual)}`);
}

/** The call must reject with `status` and Plivo's error text (the SDK copies `error` to `message`, `api_id` to `apiID`). */
export async function rejects(promise, status, what) {
    let error;
    try {
        const value = await promise;
        throw new CheckFailed(`${what}: expected a rejection with status ${status}, got ${JSON.stringify(value)}`);
    } catch (e) {
        if (e instanceof CheckFailed) throw e;
        error = e;
    }
    expect(error && typeof error === "object" && "status" in error, `${what}: expected status ${status}; ${describe(error)}`);
    equal(error.status, status, `${what}: status`);
    expect(typeof error.message === "string" && error.message.length > 0, `${what}: Plivo's error text, got ${JSON.stringify(error.message)}`);
    expect(typeof error.apiID === "string" && error.apiID.length > 0, `${what}: api_id, got ${JSON.stringify(error.apiID)}`);
}

/** Runs an SDK call that console.logs its own failures (buy_add_number), keeping the output to one line per check. */
export async function quietly(run) {
    const log = console.log;
    const said = [];
    console.log = (...parts) => said.push(parts.map(String).join(" ").split("\n")[0]);
    try {
        return await run();
    } catch (error) {
        if (said.length && error instanceof Error) error.message += ` (the SDK logged: ${said[0]})`;
        throw error;
    } finally {
        console.log = log;
    }
}
