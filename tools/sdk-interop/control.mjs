// The sandbox's control API seen through Plivo's official Node SDK: a fault injected with POST /__sandbox/faults is
// what the SDK then receives (a 503 on the add, a closed connection, a delay), GET /__sandbox/requests shows what
// arrived, and POST /__sandbox/reset brings back the seeded state. Run after interop.mjs, with the same settings plus
// --control-url (and --control-token when the sandbox has one). One line per check, then
// `SdkInterop (control API): N passed, M failed`; exit code 0 only when every check passed.
import { createRequire } from "node:module";
import { settings, results, check, expect, equal, describe, CheckFailed } from "./harness.mjs";

const require = createRequire(import.meta.url);
const plivo = require("plivo");

const s = settings();
if (!s.controlUrl) {
    console.error("control.mjs: missing --control-url (or SDK_INTEROP_CONTROL_URL)");
    process.exit(2);
}

async function control(method, path, body) {
    const headers = { "Content-Type": "application/json" };
    if (s.controlToken) headers.Authorization = `Bearer ${s.controlToken}`;
    const response = await fetch(new URL(path, s.controlUrl), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = await response.json();
    expect(response.ok, `${method} /__sandbox/${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
}

/** The call must fail, and `matches` must hold for what it failed with. */
async function fails(promise, matches, what) {
    try {
        const value = await promise;
        expect(false, `${what}: expected a failure, got ${JSON.stringify(value)}`);
    } catch (error) {
        if (error instanceof CheckFailed) throw error;
        expect(matches(error), `${what}: failed otherwise: ${describe(error)}`);
    }
}

async function main() {
    if (process.argv.includes("--exit-with-stdin")) {
        process.stdin.on("end", () => process.exit(130));
        process.stdin.resume();
    }

    const client = new plivo.Client(s.authId, s.authToken, { url: s.url });
    const seed = s.seed;
    const seeded = await control("POST", "reset");
    console.log(`SdkInterop (control API): ${s.controlUrl}`);

    await check("POST /__sandbox/faults {operation: Tollfree_Add, status: 503, times: 1}: the SDK's add gets the 503, the next add succeeds", async () => {
        const number = seed.accountTollfree[0];
        const pp = await client.powerpacks.get(seed.powerpack.uuid);
        await control("POST", "faults", { operation: "Tollfree_Add", status: 503, times: 1 });
        // The SDK maps only some statuses to its errors; a 503 arrives as axios' "Request failed with status code 503".
        await fails(pp.add_tollfree(number), (e) => /503/.test(String(e?.message)) || e?.status === 503, "the faulted add");
        const added = await pp.add_tollfree(number);
        equal(added.number ?? added.tollfree, number, "the add after the fault");
    });

    await check("POST /__sandbox/faults {operation: Powerpack_Get, close: true, times: 1}: the SDK sees the connection closed, then gets the Powerpack", async () => {
        await control("POST", "faults", { operation: "Powerpack_Get", close: true, times: 1 });
        await fails(client.powerpacks.get(seed.powerpack.uuid), (e) => /ECONNRESET|socket hang up|aborted|closed/i.test(`${e?.code} ${e?.message} ${String(e)}`), "the closed get");
        const pp = await client.powerpacks.get(seed.powerpack.uuid);
        equal(pp.uuid, seed.powerpack.uuid, "the get after the fault");
    });

    await check("POST /__sandbox/faults {operation: Powerpack_List, delay_ms: 300, times: 1}: the SDK's list answers after the delay", async () => {
        await control("POST", "faults", { operation: "Powerpack_List", delay_ms: 300, times: 1 });
        const started = Date.now();
        const list = await client.powerpacks.list();
        const took = Date.now() - started;
        expect(took >= 290, `answered after ${took} ms`);
        expect(Array.isArray(list) && list.length >= 2, `a list of the seeded Powerpacks, got ${JSON.stringify(list)?.slice(0, 200)}`);
    });

    await check("GET /__sandbox/requests: the faulted requests are logged with the status they got (0: closed)", async () => {
        const { requests } = await control("GET", "requests");
        const seen = requests.map((r) => `${r.operation_id}:${r.status}`);
        for (const expected of ["Tollfree_Add:503", "Tollfree_Add:200", "Powerpack_Get:0", "Powerpack_Get:200", "Powerpack_List:200"]) {
            expect(seen.includes(expected), `${expected} in ${JSON.stringify(seen)}`);
        }
        expect(requests.every((r) => typeof r.time === "string" && typeof r.path === "string" && r.path.startsWith("/v1/")), "each entry has its time and path");
        const { faults } = await control("GET", "faults");
        equal(faults.length, 0, "every fault was spent");
    });

    await check("POST /__sandbox/reset: the seeded state is back and the request log is empty", async () => {
        const state = await control("POST", "reset");
        equal(JSON.stringify(state), JSON.stringify(seeded), "the state after reset");
        const { requests } = await control("GET", "requests");
        equal(requests.length, 0, "requests after reset");
        const pool = await (await client.powerpacks.get(seed.powerpack.uuid)).number_pool.tollfree.list();
        expect(!JSON.stringify(pool).includes(seed.accountTollfree[0]), "the number added above is gone from the pool");
    });

    console.log(`SdkInterop (control API): ${results.passed} passed, ${results.failed} failed`);
    return results.failed === 0 && results.passed > 0 ? 0 : 1;
}

main().then(
    (code) => process.exit(code),
    (error) => {
        console.log(`FAIL control.mjs stopped: ${error?.stack ?? error}`);
        process.exit(1);
    },
);
