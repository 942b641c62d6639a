// Records exactly what Plivo's Node SDK (the pinned `plivo`) sends for every Powerpack-family call, in both styles.
// It runs the SDK against a tiny recording HTTP server on loopback that answers canned JSON shaped like Plivo's,
// and prints, per call: method, path, query, Content-Type, raw body, and what the SDK handed back to the caller.
//
//   node tools/sdk-interop/record-requests.mjs            (a Markdown table and the details, on stdout)
//
// The findings are written up in REQUESTS.md; rerun this after bumping the pinned SDK and compare.
import http from "node:http";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const plivo = require("plivo");
const sdkVersion = require("plivo/package.json").version;

const AUTH_ID = "MAXXXXXXXXXXXXXXXXXX";
const AUTH_TOKEN = "recording-token";
const PP = "d35f2e82-d387-427f-8594-6fa07613c43a";
const NP = "ca5fd1f2-26c0-43e9-a7e4-0dc426e9dd2f";
const ACCOUNT = `/v1/Account/${AUTH_ID}/`;

const recorded = [];

// ---- canned answers, shaped like Plivo's ----------------------------------------------------------------------
const meta = (path, total) => ({ limit: 20, next: null, offset: 0, previous: null, total_count: total });
const powerpack = (name = "pp-name") => ({
    api_id: "api-1", uuid: PP, name, sticky_sender: true, local_connect: false, application_type: "xml",
    application_id: "20372631212782780", number_pool: `${ACCOUNT}NumberPool/${NP}/`, created_on: "2019-10-09T11:10:59.741978Z",
    number_priority: [{ country_iso: "US", service_type: "SMS", priority: { priority1: "shortcode", priority2: "longcode", priority3: "tollfree" } }],
});
const numberObj = (number, type = "fixed") => ({
    api_id: "api-2", number_pool_uuid: NP, number, type, service: "sms", country_iso2: "US", added_on: "2019-10-09",
    account_phone_number_resource: `${ACCOUNT}Number/${number}/`,
});
const shortcodeObj = (sc) => ({ added_on: "2019-10-09", country_iso2: "US", number_pool_uuid: NP, shortcode: sc });
const success = { api_id: "api-3", response: "success" };

function answer(method, path, query) {
    const rel = path.startsWith(ACCOUNT) ? path.slice(ACCOUNT.length) : path;
    let m;
    if (/^Powerpack\/$/.test(rel)) {
        return method === "GET" ? { api_id: "api-0", meta: meta(rel, 1), objects: [powerpack()] } : powerpack("created-name");
    }
    if ((m = /^Powerpack\/([^/]+)\/$/.exec(rel))) {
        if (m[1] === "unknown") return [404, { api_id: "api-404", error: "not found" }];
        return method === "DELETE" ? success : powerpack(method === "POST" ? "updated-name" : "pp-name");
    }
    if (/^PhoneNumber\/$/.test(rel) && query.includes("pattern=000")) return { api_id: "api-4", meta: meta(rel, 0), objects: [] };
    if (/^PhoneNumber\/$/.test(rel)) return { api_id: "api-4", meta: meta(rel, 1), objects: [{ number: "14155550100", country: "United States", type: "local" }] };
    if (/^NumberPool\/[^/]+\/(Number|Tollfree|Shortcode)\/+$/.test(rel)) {
        const kind = rel.split("/")[2];
        const objects = kind === "Shortcode" ? [shortcodeObj("444444")] : [numberObj("14155550100", kind === "Tollfree" ? "tollfree" : "fixed")];
        return { api_id: "api-5", meta: meta(rel, 7), objects };
    }
    if ((m = /^NumberPool\/[^/]+\/(Number|Tollfree|Shortcode)\/([^/]+)\/.*$/.exec(rel))) {
        if (method === "DELETE") return success;
        return m[1] === "Shortcode" ? { api_id: "api-6", ...shortcodeObj(m[2]) } : numberObj(m[2], m[1] === "Tollfree" ? "tollfree" : "fixed");
    }
    return [404, { api_id: "api-404", error: "not found" }];
}

const server = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
        const url = req.url;
        const q = url.indexOf("?");
        const path = q < 0 ? url : url.slice(0, q);
        recorded.push({
            method: req.method, path: path.startsWith(ACCOUNT) ? path.slice(ACCOUNT.length) : path,
            query: q < 0 ? null : url.slice(q + 1), contentType: req.headers["content-type"] ?? null,
            body: Buffer.concat(chunks).toString("utf8"), contentLength: req.headers["content-length"] ?? null,
            auth: req.headers.authorization, userAgent: req.headers["user-agent"],
        });
        let status = 200;
        let body = answer(req.method, path, q < 0 ? "" : url.slice(q + 1));
        if (Array.isArray(body)) [status, body] = body;
        if (req.headers.authorization !== "Basic " + Buffer.from(`${AUTH_ID}:${AUTH_TOKEN}`).toString("base64")) {
            status = 401;
            body = { api_id: "api-401", error: "authentication failed" };
        }
        const text = JSON.stringify(body);
        res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
        res.end(text);
    });
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}/v1/Account/${AUTH_ID}`;
const client = new plivo.Client(AUTH_ID, AUTH_TOKEN, { url: base });
const wrong = new plivo.Client(AUTH_ID, "wrong-token", { url: base });

// ---- the calls ------------------------------------------------------------------------------------------------
const pp = await client.powerpacks.get(PP); // the object both styles hang off
recorded.length = 0;

const calls = [
    ["client.powerpacks.list()", () => client.powerpacks.list()],
    ["client.powerpacks.list({limit:5, offset:10})", () => client.powerpacks.list({ limit: 5, offset: 10 })],
    ["client.powerpacks.create(name, {...})", () => client.powerpacks.create("created-name", {
        sticky_sender: true, local_connect: false, application_type: "xml", application_id: "20372631212782780",
        number_priority: [{ country_iso: "US", service_type: "SMS", priority: { priority1: "shortcode", priority2: "longcode", priority3: "tollfree" } }],
    })],
    ["client.powerpacks.create(name)", () => client.powerpacks.create("just-a-name")],
    ["client.powerpacks.get(uuid)", () => client.powerpacks.get(PP)],
    ["client.powerpacks.update(uuid, {name})", () => client.powerpacks.update(PP, { name: "updated-name", sticky_sender: false })],
    ["powerpack.update({name, local_connect})", () => pp.update({ name: "updated-name", local_connect: true })],
    ["powerpack.delete()", () => pp.delete()],
    ["powerpack.delete(true)", () => pp.delete(true)],
    // Version 1: methods on the powerpack object
    ["powerpack.list_numbers()", () => pp.list_numbers()],
    ["powerpack.list_numbers({starts_with, country_iso2, type, service, limit, offset})", () => pp.list_numbers({ starts_with: "1415", country_iso2: "US", type: "fixed", service: "sms", limit: 5, offset: 0 })],
    ["powerpack.count_numbers({type})", () => pp.count_numbers({ type: "fixed" })],
    ["powerpack.find_number(n)", () => pp.find_number("14155550100")],
    ["powerpack.add_number(n)", () => pp.add_number("14155550100")],
    ["powerpack.add_number(n, 'mms')", () => pp.add_number("14155550100", "mms")],
    ["powerpack.remove_number(n)", () => pp.remove_number("14155550100")],
    ["powerpack.remove_number(n, true)", () => pp.remove_number("14155550100", true)],
    ["powerpack.buy_add_number({number})", () => pp.buy_add_number({ number: "14155550100" })],
    ["powerpack.buy_add_number({country_iso2, type, pattern, region, service})", () => pp.buy_add_number({ country_iso2: "US", type: "local", pattern: "415", region: "CA", service: "sms" })],
    ["powerpack.buy_add_number({pattern}) with no number in stock", () => pp.buy_add_number({ country_iso2: "US", pattern: "000" })],
    ["powerpack.list_shortcodes()", () => pp.list_shortcodes()],
    ["powerpack.list_shortcodes({limit, offset})", () => pp.list_shortcodes({ limit: 5, offset: 0 })],
    ["powerpack.find_shortcode(sc)", () => pp.find_shortcode("444444")],
    ["powerpack.find_shortcode(sc, 'sms')", () => pp.find_shortcode("444444", "sms")],
    ["powerpack.remove_shortcode(sc)", () => pp.remove_shortcode("444444")],
    ["powerpack.list_tollfree()", () => pp.list_tollfree()],
    ["powerpack.list_tollfree({limit, offset})", () => pp.list_tollfree({ limit: 5, offset: 0 })],
    ["powerpack.find_tollfree(t)", () => pp.find_tollfree("18772209942")],
    ["powerpack.find_tollfree(t, 'sms')", () => pp.find_tollfree("18772209942", "sms")],
    ["powerpack.add_tollfree(t)", () => pp.add_tollfree("18772209942")],
    ["powerpack.add_tollfree(t, 'sms')", () => pp.add_tollfree("18772209942", "sms")],
    ["powerpack.remove_tollfree(t)", () => pp.remove_tollfree("18772209942")],
    ["powerpack.remove_tollfree(t, true)", () => pp.remove_tollfree("18772209942", true)],
    // Version 2: powerpack.number_pool.*
    ["number_pool.numbers.list()", () => pp.number_pool.numbers.list()],
    ["number_pool.numbers.list({starts_with, type, limit, offset})", () => pp.number_pool.numbers.list({ starts_with: "1415", type: "fixed", limit: 5, offset: 0 })],
    ["number_pool.numbers.count({service})", () => pp.number_pool.numbers.count({ service: "sms" })],
    ["number_pool.numbers.find(n)", () => pp.number_pool.numbers.find("14155550100")],
    ["number_pool.numbers.add(n)", () => pp.number_pool.numbers.add("14155550100")],
    ["number_pool.numbers.add(n, 'mms')", () => pp.number_pool.numbers.add("14155550100", "mms")],
    ["number_pool.numbers.remove(n)", () => pp.number_pool.numbers.remove("14155550100")],
    ["number_pool.numbers.remove(n, true)", () => pp.number_pool.numbers.remove("14155550100", true)],
    ["number_pool.numbers.buy_add_number({number})", () => pp.number_pool.numbers.buy_add_number({ number: "14155550100" })],
    ["number_pool.numbers.buy_add_number({country_iso2, type, pattern})", () => pp.number_pool.numbers.buy_add_number({ country_iso2: "US", type: "local", pattern: "415" })],
    ["number_pool.shortcodes.list()", () => pp.number_pool.shortcodes.list()],
    ["number_pool.shortcodes.list({limit, offset})", () => pp.number_pool.shortcodes.list({ limit: 5, offset: 0 })],
    ["number_pool.shortcodes.find(sc)", () => pp.number_pool.shortcodes.find("444444")],
    ["number_pool.shortcodes.remove(sc)", () => pp.number_pool.shortcodes.remove("444444")],
    ["number_pool.tollfree.list()", () => pp.number_pool.tollfree.list()],
    ["number_pool.tollfree.list({limit, offset})", () => pp.number_pool.tollfree.list({ limit: 5, offset: 0 })],
    ["number_pool.tollfree.find(t)", () => pp.number_pool.tollfree.find("18772209942")],
    ["number_pool.tollfree.add(t)", () => pp.number_pool.tollfree.add("18772209942")],
    ["number_pool.tollfree.remove(t)", () => pp.number_pool.tollfree.remove("18772209942")],
    ["number_pool.tollfree.remove(t, true)", () => pp.number_pool.tollfree.remove("18772209942", true)],
    // errors
    ["client.powerpacks.get('unknown') -> 404", () => client.powerpacks.get("unknown")],
    ["wrong token: powerpacks.get(uuid) -> 401", () => wrong.powerpacks.get(PP)],
];

const shortValue = (v) => {
    if (v instanceof Error) return `rejects ${v.constructor.name} {status: ${v.status}, message: ${JSON.stringify(v.message)}, apiID: ${JSON.stringify(v.apiID)}}`;
    if (typeof v !== "object" || v === null) return JSON.stringify(v);
    const own = Object.keys(v).filter((k) => k !== "number_pool" && typeof v[k] !== "function");
    const keys = own.map((k) => (Array.isArray(v[k]) ? `${k}[${v[k].length}]` : k));
    const extra = Array.isArray(v) && v.meta ? ` meta.totalCount=${v.meta.totalCount}` : "";
    const picked = ["name", "uuid", "number_pool_id", "response", "number", "shortCode", "shortcode", "service", "type"].filter((k) => k in v).map((k) => `${k}=${JSON.stringify(v[k])}`);
    return `${v.constructor?.name ?? "Object"}${Array.isArray(v) ? `[${v.length}]` : ""} {${keys.join(", ")}}${extra}${picked.length ? " — " + picked.join(", ") : ""}`;
};

const rows = [];
for (const [name, run] of calls) {
    recorded.length = 0;
    let result;
    const originalLog = console.log;
    const logged = [];
    console.log = (...a) => logged.push(a.map(String).join(" ").split("\n")[0]);
    try {
        result = await run();
    } catch (e) {
        result = e;
    } finally {
        console.log = originalLog;
    }
    rows.push({ name, requests: [...recorded], result, logged });
}
server.close();

const code = (s) => "`" + String(s).replace(/\|/g, "\\|") + "`";
const queryCell = (q) => (q === null ? "—" : q === "" ? "`?` (empty)" : code(q));
const bodyCell = (b) => (b === "" ? "(none)" : code(b));
console.log(`# plivo@${sdkVersion}: what each Powerpack-family call sends\n`);
console.log("| call | method | path (after /v1/Account/{id}/) | query | Content-Type | body |");
console.log("|---|---|---|---|---|---|");
for (const r of rows) {
    for (const q of r.requests) {
        console.log(`| ${r.name} | ${q.method} | ${code(q.path)} | ${queryCell(q.query)} | ${q.contentType === null ? "(none)" : code(q.contentType)} | ${bodyCell(q.body)} |`);
    }
    if (r.requests.length === 0) console.log(`| ${r.name} | (no request) | | | | |`);
}
console.log("\n## What each call hands back (against canned Plivo-shaped answers)\n");
for (const r of rows) {
    console.log(`- ${r.name}: ${shortValue(r.result)}${r.logged.length ? ` (the SDK console.logs: ${r.logged.join(" / ")})` : ""}`);
}
if (process.argv.includes("--json")) {
    console.log("\n```json\n" + JSON.stringify(rows.map((r) => ({ name: r.name, requests: r.requests.map(({ auth, userAgent, ...q }) => q), result: r.result })), null, 1) + "\n```");
}
