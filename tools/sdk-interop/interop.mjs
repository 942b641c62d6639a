// Plivo's official Node SDK (npm `plivo`, pinned in package-lock.json), run unchanged against a Plivo look-alike:
// only its `url` option points it at the server. Every Powerpack-family call the SDK offers runs, in both of its
// styles (Version 1: methods on the powerpack object; Version 2: powerpack.number_pool.numbers/shortcodes/tollfree),
// and each check asserts the values that came back. One line per check, then `SdkInterop: N passed, M failed`;
// exit code 0 only when every check passed.
//
//   node interop.mjs --base-url http://127.0.0.1:PORT/v1/ --auth-id MA... --auth-token ... --seed seed.json
//   (or SDK_INTEROP_BASE_URL, SDK_INTEROP_AUTH_ID, SDK_INTEROP_AUTH_TOKEN, SDK_INTEROP_SEED; --seed/SEED take a file
//   path or the JSON itself). --exit-with-stdin: exit when stdin reaches its end (the parent that started us is gone).
//
// The seed (what the server holds before the run; tests/Plivo.Generated.SdkInterop/Seed.cs writes it):
//   powerpack          {uuid, numberPoolUuid, name}  the Powerpack most checks work on
//   sparePowerpack     {uuid, numberPoolUuid, name}  a second one, deleted by the delete check
//   poolNumbers        long codes in the pool                      (at least 6: found and removed)
//   accountNumbers     long codes rented by the account, not in the pool   (at least 5: added; the last, for a 404)
//   poolTollfree       toll-free numbers in the pool               (at least 5: found and removed)
//   accountTollfree    toll-free numbers rented, not in the pool   (at least 3: added)
//   shortcodes         shortcodes in the pool                      (at least 3: found and removed)
//   inventory          [{number, country_iso, type, region}] numbers for sale (at least 4: bought and added)
// See REQUESTS.md for what each SDK call sends.
import { createRequire } from "node:module";
import { CALL_TIMEOUT_MS, UUID, UNKNOWN_UUID, settings, results, CheckFailed, describe, check, expect, equal, includesAll, rejects, quietly } from "./harness.mjs";

const require = createRequire(import.meta.url);
const plivo = require("plivo");
const sdkVersion = require("plivo/package.json").version;

function need(list, count, what) {
    if (!Array.isArray(list) || list.length < count) {
        throw new Error(`the seed needs at least ${count} ${what}, has ${JSON.stringify(list)}`);
    }
    return [...list];
}

// The pool as it should be now: what was seeded, plus what the checks added, minus what they removed.
function poolModel(seed) {
    return { numbers: new Set(seed.poolNumbers ?? []), tollfree: new Set(seed.poolTollfree ?? []), shortcodes: new Set(seed.shortcodes ?? []) };
}

function assertNumber(value, number, type, what) {
    equal(value.number, number, `${what}: number`);
    if (type) equal(value.type, type, `${what}: type`);
    expect(typeof value.addedOn === "string" || typeof value.addedOn === "number", `${what}: added_on, got ${JSON.stringify(value.addedOn)}`);
    expect(typeof value.countryIso2 === "string" && value.countryIso2.length === 2, `${what}: country_iso2, got ${JSON.stringify(value.countryIso2)}`);
    expect(typeof value.accountPhoneNumberResource === "string" && value.accountPhoneNumberResource.includes(number), `${what}: account_phone_number_resource, got ${JSON.stringify(value.accountPhoneNumberResource)}`);
}

function assertPage(page, expectedTotal, what) {
    expect(page && typeof page.meta === "object" && page.meta !== null, `${what}: meta, got ${JSON.stringify(page)}`);
    expect(Array.isArray(page.objects), `${what}: objects, got ${JSON.stringify(page.objects)}`);
    if (expectedTotal !== undefined) equal(page.meta.totalCount, expectedTotal, `${what}: meta.total_count`);
    expect(page.objects.length <= 20, `${what}: at most 20 objects, got ${page.objects.length}`);
}

function assertSuccess(value, what) {
    equal(value.response, "success", `${what}: response`);
    expect(typeof value.apiId === "string" && value.apiId.length > 0, `${what}: api_id, got ${JSON.stringify(value.apiId)}`);
}

// ---- the areas ------------------------------------------------------------------------------------------------

async function powerpacks(client, seed) {
    const seeded = seed.powerpack;
    const namesTaken = [seeded.name, seed.sparePowerpack?.name].filter(Boolean);

    await check("powerpacks.get(uuid) returns the seeded Powerpack, its number pool from number_pool", async () => {
        const pp = await client.powerpacks.get(seeded.uuid);
        equal(pp.uuid, seeded.uuid, "uuid");
        equal(pp.name, seeded.name, "name");
        equal(pp.numberPool, `/v1/Account/${client.authId}/NumberPool/${seeded.numberPoolUuid}/`, "number_pool");
        equal(pp.number_pool_id, seeded.numberPoolUuid, "the pool uuid the SDK split from number_pool");
        expect(typeof pp.stickySender === "boolean" && typeof pp.localConnect === "boolean", `sticky_sender/local_connect booleans, got ${pp.stickySender}/${pp.localConnect}`);
        expect(typeof pp.createdOn === "string" && pp.createdOn.length > 0, `created_on, got ${JSON.stringify(pp.createdOn)}`);
        expect(typeof pp.apiId === "string" && pp.apiId.length > 0, `api_id, got ${JSON.stringify(pp.apiId)}`);
    });

    await check("powerpacks.list() returns meta.total_count and Powerpack objects, the seeded one among them", async () => {
        const list = await client.powerpacks.list();
        expect(Array.isArray(list) && list.meta, `an array with meta, got ${JSON.stringify(list)}`);
        expect(list.meta.totalCount >= 2, `meta.total_count of at least the 2 seeded, got ${list.meta.totalCount}`);
        const mine = list.find((p) => p.uuid === seeded.uuid);
        expect(mine, `the seeded uuid ${seeded.uuid} among ${JSON.stringify(list.map((p) => p.uuid))}`);
        equal(mine.name, seeded.name, "its name");
        equal(mine.number_pool_id, seeded.numberPoolUuid, "its pool uuid (from number_pool)");
    });

    await check("powerpacks.list({limit: 1, offset: 1}) pages", async () => {
        const all = await client.powerpacks.list();
        const page = await client.powerpacks.list({ limit: 1, offset: 1 });
        equal(page.length, 1, "objects on the page");
        equal(page.meta.limit, 1, "meta.limit");
        equal(page.meta.offset, 1, "meta.offset");
        equal(page.meta.totalCount, all.meta.totalCount, "meta.total_count");
        equal(page[0].uuid, all[1]?.uuid, "the second Powerpack");
    });

    const name = `sdk-interop-${process.pid}`;
    let created;
    await check("powerpacks.create(name, {sticky_sender, local_connect, application_type, number_priority}) returns what was given", async () => {
        const priority = [{ country_iso: "US", service_type: "SMS", priority: { priority1: "tollfree", priority2: "longcode", priority3: "shortcode" } }];
        created = await client.powerpacks.create(name, { sticky_sender: false, local_connect: true, application_type: "xml", number_priority: priority });
        equal(created.name, name, "name");
        expect(UUID.test(created.uuid ?? ""), `a uuid, got ${JSON.stringify(created.uuid)}`);
        equal(created.stickySender, false, "sticky_sender");
        equal(created.localConnect, true, "local_connect");
        // Plivo answers the type in capitals ("XML"), whatever case was sent.
        equal(created.applicationType?.toLowerCase(), "xml", "application_type (any case)");
        expect(/^\/v1\/Account\/[^/]+\/NumberPool\/[0-9a-f-]{36}\/$/.test(created.numberPool ?? ""), `number_pool as /v1/Account/<id>/NumberPool/<uuid>/, got ${JSON.stringify(created.numberPool)}`);
        equal(created.numberPriority?.[0]?.priority?.priority1, "tollfree", "number_priority[0].priority.priority1");
    });

    await check("powerpacks.get(created uuid) finds the created Powerpack", async () => {
        expect(created?.uuid, "create did not return a uuid");
        const pp = await client.powerpacks.get(created.uuid);
        equal(pp.name, name, "name");
        equal(pp.localConnect, true, "local_connect");
    });

    await check("powerpacks.create(a taken name) is refused with 400", async () => {
        await rejects(client.powerpacks.create(namesTaken[0]), 400, "create with a taken name");
    });

    await check("powerpacks.update(uuid, {name, sticky_sender}) (the interface's update) changes them", async () => {
        expect(created?.uuid, "create did not return a uuid");
        const updated = await client.powerpacks.update(created.uuid, { name: `${name}-renamed`, sticky_sender: true });
        equal(updated.uuid, created.uuid, "uuid");
        equal(updated.name, `${name}-renamed`, "name");
        equal(updated.stickySender, true, "sticky_sender");
        equal((await client.powerpacks.get(created.uuid)).name, `${name}-renamed`, "the name get returns");
    });

    await check("powerpack.update({local_connect}) (the object's update) changes it and keeps the rest", async () => {
        expect(created?.uuid, "create did not return a uuid");
        const pp = await client.powerpacks.get(created.uuid);
        const updated = await pp.update({ local_connect: false });
        equal(updated.localConnect, false, "local_connect");
        equal(updated.name, `${name}-renamed`, "name (unchanged)");
        equal((await client.powerpacks.get(created.uuid)).localConnect, false, "the local_connect get returns");
    });

    await check("powerpack.delete() answers success, and the Powerpack is gone (404)", async () => {
        expect(created?.uuid, "create did not return a uuid");
        const pp = await client.powerpacks.get(created.uuid);
        assertSuccess(await pp.delete(), "delete");
        await rejects(client.powerpacks.get(created.uuid), 404, "get after delete");
    });

    await check("powerpack.delete(true) (unrent_numbers) deletes the spare seeded Powerpack", async () => {
        const pp = await client.powerpacks.get(seed.sparePowerpack.uuid);
        assertSuccess(await pp.delete(true), "delete(unrent_numbers=true)");
        await rejects(client.powerpacks.get(seed.sparePowerpack.uuid), 404, "get after delete");
    });
}

// Version 1 and Version 2 differ in the calls, not in what they do: one function checks a style's long codes.
async function poolNumbers(style, api, seed, model, spend) {
    await check(`${style} list: meta.total_count and every number in the pool`, async () => {
        const page = await api.list();
        assertPage(page, undefined, "list");
        expect(page.meta.totalCount >= model.numbers.size, `meta.total_count of at least the ${model.numbers.size} long codes, got ${page.meta.totalCount}`);
        includesAll(page.objects.map((o) => o.number), [...model.numbers].slice(0, 20), "numbers listed");
        for (const o of page.objects) equal(o.numberPoolUuid, seed.powerpack.numberPoolUuid, `number_pool_uuid of ${o.number}`);
    });

    await check(`${style} list({starts_with, country_iso2, limit, offset}): only numbers starting so, paged`, async () => {
        const first = [...model.numbers][0];
        const prefix = first.slice(0, 4);
        const page = await api.list({ starts_with: prefix, country_iso2: "US", limit: 1, offset: 0 });
        assertPage(page, undefined, "list");
        equal(page.meta.limit, 1, "meta.limit");
        equal(page.objects.length, 1, "objects");
        expect(page.objects.every((o) => o.number.startsWith(prefix)), `numbers starting ${prefix}, got ${JSON.stringify(page.objects.map((o) => o.number))}`);
        const expected = [...model.numbers].filter((n) => n.startsWith(prefix)).length;
        expect(page.meta.totalCount >= expected, `meta.total_count of at least ${expected}, got ${page.meta.totalCount}`);
    });

    await check(`${style} list({type, service}): only numbers of that type and service`, async () => {
        const page = await api.list({ type: "fixed", service: "sms" });
        assertPage(page, undefined, "list");
        expect(page.objects.length > 0, "some of the pool's long codes (seeded as fixed, sms)");
        expect(page.objects.every((o) => o.type === "fixed" && o.service === "sms"), `type fixed and service sms only, got ${JSON.stringify(page.objects.map((o) => [o.type, o.service]))}`);
    });

    await check(`${style} count: meta.total_count of the list`, async () => {
        const count = await api.count();
        const page = await api.list();
        expect(Number.isInteger(count), `a count, got ${JSON.stringify(count)}`);
        equal(count, page.meta.totalCount, "count");
    });

    const [found, removed, removedUnrent] = spend.poolNumbers.splice(0, 3);
    await check(`${style} find(number): the number in the pool`, async () => {
        assertNumber(await api.find(found), found, undefined, "find");
    });

    // Each 404 check first makes a call on the same route that must succeed: a route the server lacks 404s as well.
    await check(`${style} find(a number not in the pool): 404 (where find(a pool number) succeeds)`, async () => {
        await api.find(found);
        await rejects(api.find(spend.accountNumbers[spend.accountNumbers.length - 1]), 404, "find");
    });

    const [added, addedMms] = spend.accountNumbers.splice(0, 2);
    await check(`${style} add(number): added with service sms, then found`, async () => {
        const value = await api.add(added);
        assertNumber(value, added, undefined, "add");
        equal(value.service, "sms", "service");
        model.numbers.add(added);
        equal((await api.find(added)).number, added, "find after add");
    });

    await check(`${style} add(number, 'mms'): added with service mms`, async () => {
        const value = await api.add(addedMms, "mms");
        assertNumber(value, addedMms, undefined, "add");
        equal(value.service, "mms", "service");
        model.numbers.add(addedMms);
    });

    await check(`${style} add(a number already in the pool): 400`, async () => {
        await rejects(api.add(found), 400, "add again");
    });

    await check(`${style} remove(number): success, then 404`, async () => {
        assertSuccess(await api.remove(removed), "remove");
        model.numbers.delete(removed);
        await rejects(api.find(removed), 404, "find after remove");
    });

    await check(`${style} remove(number, true) (unrent): success, then 404`, async () => {
        assertSuccess(await api.remove(removedUnrent, true), "remove");
        model.numbers.delete(removedUnrent);
        await rejects(api.find(removedUnrent), 404, "find after remove");
    });

    const [bought, searched] = spend.inventory.splice(0, 2);
    await check(`${style} buy_add_number({number}): rents it and adds it to the pool`, async () => {
        const value = await quietly(() => api.buy({ number: bought.number }));
        equal(value.number, bought.number, "number");
        model.numbers.add(bought.number);
        equal((await api.find(bought.number)).number, bought.number, "find after buy");
    });

    await check(`${style} buy_add_number({country_iso2, type, pattern}): searches PhoneNumber/, buys the first match, adds it`, async () => {
        const pattern = searched.number.slice(1, 5);
        const value = await quietly(() => api.buy({ country_iso2: searched.country_iso, type: searched.type, pattern }));
        expect(typeof value.number === "string" && value.number.includes(pattern), `a number matching ${pattern}, got ${JSON.stringify(value.number)}`);
        model.numbers.add(value.number);
        equal((await api.find(value.number)).number, value.number, "find after buy");
    });
}

async function numbersV1(pp, seed, model, spend) {
    await poolNumbers("V1 powerpack.*_number", {
        list: (p) => pp.list_numbers(p),
        count: (p) => pp.count_numbers(p),
        find: (n) => pp.find_number(n),
        add: (n, s) => pp.add_number(n, s),
        remove: (n, u) => pp.remove_number(n, u),
        buy: (p) => pp.buy_add_number(p),
    }, seed, model, spend);
}

async function numbersV2(pp, seed, model, spend) {
    const numbers = pp.number_pool.numbers;
    await poolNumbers("V2 number_pool.numbers.*", {
        list: (p) => numbers.list(p),
        count: (p) => numbers.count(p),
        find: (n) => numbers.find(n),
        add: (n, s) => numbers.add(n, s),
        remove: (n, u) => numbers.remove(n, u),
        buy: (p) => numbers.buy_add_number(p),
    }, seed, model, spend);
}

async function shortcodes(style, api, seed, model, spend) {
    await check(`${style} list: exactly the pool's shortcodes`, async () => {
        const page = await api.list();
        assertPage(page, model.shortcodes.size, "list");
        includesAll(page.objects.map((o) => o.shortcode), [...model.shortcodes].slice(0, 20), "shortcodes listed");
        for (const o of page.objects) {
            equal(o.numberPoolUuid, seed.powerpack.numberPoolUuid, `number_pool_uuid of ${o.shortcode}`);
            expect(typeof o.countryIso2 === "string" && o.addedOn !== undefined, `country_iso2 and added_on of ${o.shortcode}`);
        }
    });

    await check(`${style} list({limit: 1, offset: 1}): the second page of one`, async () => {
        const page = await api.list({ limit: 1, offset: 1 });
        assertPage(page, model.shortcodes.size, "list");
        equal(page.meta.limit, 1, "meta.limit");
        equal(page.meta.offset, 1, "meta.offset");
        equal(page.objects.length, 1, "objects");
    });

    const found = spend.shortcodes[spend.shortcodes.length - 1];
    await check(`${style} find(shortcode)`, async () => {
        const value = await api.find(found);
        equal(value.numberPoolUuid, seed.powerpack.numberPoolUuid, "number_pool_uuid");
        expect(typeof value.countryIso2 === "string", `country_iso2, got ${JSON.stringify(value.countryIso2)}`);
        // V1 reads `shortCode`, which the answer's `shortcode` never camelCases to (REQUESTS.md): check it only in V2.
        if (api.readsShortcode) equal(value.shortcode, found, "shortcode");
    });

    await check(`${style} find(unknown shortcode): 404 (where find(a pool shortcode) succeeds)`, async () => {
        await api.find(found);
        await rejects(api.find("999999"), 404, "find");
    });

    const removed = spend.shortcodes.shift();
    await check(`${style} remove(shortcode): success, then 404`, async () => {
        assertSuccess(await api.remove(removed), "remove");
        model.shortcodes.delete(removed);
        await rejects(api.find(removed), 404, "find after remove");
    });
}

async function tollfree(style, api, seed, model, spend) {
    await check(`${style} list: exactly the pool's toll-free numbers`, async () => {
        const page = await api.list();
        assertPage(page, model.tollfree.size, "list");
        includesAll(page.objects.map((o) => o.number), [...model.tollfree].slice(0, 20), "toll-free numbers listed");
        for (const o of page.objects) equal(o.type, "tollfree", `type of ${o.number}`);
    });

    await check(`${style} list({limit: 2, offset: 1}): a page`, async () => {
        const page = await api.list({ limit: 2, offset: 1 });
        assertPage(page, model.tollfree.size, "list");
        equal(page.meta.limit, 2, "meta.limit");
        equal(page.meta.offset, 1, "meta.offset");
        equal(page.objects.length, Math.min(2, model.tollfree.size - 1), "objects");
    });

    const found = spend.poolTollfree[spend.poolTollfree.length - 1];
    await check(`${style} find(toll-free number)`, async () => {
        assertNumber(await api.find(found), found, "tollfree", "find");
    });

    await check(`${style} find(a toll-free number not in the pool): 404 (where find(a pool toll-free number) succeeds)`, async () => {
        await api.find(found);
        await rejects(api.find("18005550000"), 404, "find");
    });

    for (const service of api.addServices) {
        const number = spend.accountTollfree.shift();
        await check(`${style} add(toll-free number${service ? `, '${service}'` : ""}): added, then found`, async () => {
            const value = await api.add(number, service);
            assertNumber(value, number, "tollfree", "add");
            equal(value.service, service || "sms", "service");
            model.tollfree.add(number);
            equal((await api.find(number)).number, number, "find after add");
        });
    }

    const [removed, removedUnrent] = spend.poolTollfree.splice(0, 2);
    await check(`${style} remove(toll-free number): success, then 404`, async () => {
        assertSuccess(await api.remove(removed), "remove");
        model.tollfree.delete(removed);
        await rejects(api.find(removed), 404, "find after remove");
    });

    await check(`${style} remove(toll-free number, true) (unrent in the JSON body): success, then 404`, async () => {
        assertSuccess(await api.remove(removedUnrent, true), "remove");
        model.tollfree.delete(removedUnrent);
        await rejects(api.find(removedUnrent), 404, "find after remove");
    });
}

async function errors(client, settingsUsed, seed) {
    await check("powerpacks.get(unknown uuid): status 404 with Plivo's error text (where get(seeded uuid) succeeds)", async () => {
        await client.powerpacks.get(seed.powerpack.uuid);
        await rejects(client.powerpacks.get(UNKNOWN_UUID), 404, "get");
    });

    await check("a wrong Auth Token: status 401 with Plivo's error text", async () => {
        const wrong = new plivo.Client(settingsUsed.authId, `${settingsUsed.authToken}x`, { url: settingsUsed.url });
        await rejects(wrong.powerpacks.get(seed.powerpack.uuid), 401, "get with a wrong token");
    });

    await check("a wrong Auth Token on powerpacks.list(): 401", async () => {
        const wrong = new plivo.Client(settingsUsed.authId, `${settingsUsed.authToken}x`, { url: settingsUsed.url });
        await rejects(wrong.powerpacks.list(), 401, "list with a wrong token");
    });

    await check("another account's Auth ID (its own path, this token): 401", async () => {
        const otherId = "MAZZZZZZZZZZZZZZZZZZ";
        const url = settingsUsed.url.replace(/\/Account\/[^/]+$/, `/Account/${otherId}`);
        const other = new plivo.Client(otherId, settingsUsed.authToken, { url });
        await rejects(other.powerpacks.get(seed.powerpack.uuid), 401, "get as another account");
    });
}

// ---- main -----------------------------------------------------------------------------------------------------

async function main() {
    if (process.argv.includes("--exit-with-stdin")) {
        process.stdin.on("end", () => process.exit(130));
        process.stdin.on("error", () => process.exit(130));
        process.stdin.resume();
    }
    const s = settings();
    const seed = s.seed;
    const client = new plivo.Client(s.authId, s.authToken, { url: s.url });
    client.authId = s.authId; // for the checks' expected paths; the SDK does not read it
    console.log(`SdkInterop: plivo@${sdkVersion} (Node ${process.version}) against ${s.url}`);

    // What the checks may spend: each number is added, removed or bought once, in one style.
    const spend = {
        poolNumbers: need(seed.poolNumbers, 6, "poolNumbers"),
        accountNumbers: need(seed.accountNumbers, 5, "accountNumbers"),
        poolTollfree: need(seed.poolTollfree, 5, "poolTollfree"),
        accountTollfree: need(seed.accountTollfree, 3, "accountTollfree"),
        shortcodes: need(seed.shortcodes, 3, "shortcodes"),
        inventory: need(seed.inventory, 4, "inventory entries"),
    };
    const model = poolModel(seed);

    await powerpacks(client, seed);

    let pp;
    try {
        pp = await client.powerpacks.get(seed.powerpack.uuid);
    } catch (error) {
        console.log(`FAIL the seeded Powerpack could not be fetched, so no pool checks ran: ${describe(error)}`);
        results.failed++;
    }

    if (pp) {
        await numbersV1(pp, seed, model, spend);
        await numbersV2(pp, seed, model, spend);
        await shortcodes("V1 powerpack.*_shortcode(s)", {
            list: (p) => pp.list_shortcodes(p), find: (c) => pp.find_shortcode(c), remove: (c) => pp.remove_shortcode(c), readsShortcode: false,
        }, seed, model, spend);
        await shortcodes("V2 number_pool.shortcodes.*", {
            list: (p) => pp.number_pool.shortcodes.list(p), find: (c) => pp.number_pool.shortcodes.find(c), remove: (c) => pp.number_pool.shortcodes.remove(c), readsShortcode: true,
        }, seed, model, spend);
        await tollfree("V1 powerpack.*_tollfree", {
            list: (p) => pp.list_tollfree(p), find: (n) => pp.find_tollfree(n), add: (n, sv) => pp.add_tollfree(n, sv), remove: (n, u) => pp.remove_tollfree(n, u), addServices: ["", "mms"],
        }, seed, model, spend);
        await tollfree("V2 number_pool.tollfree.*", {
            // V2's add takes no service: it always sends {"rent":"false"}.
            list: (p) => pp.number_pool.tollfree.list(p), find: (n) => pp.number_pool.tollfree.find(n), add: (n) => pp.number_pool.tollfree.add(n), remove: (n, u) => pp.number_pool.tollfree.remove(n, u), addServices: [""],
        }, seed, model, spend);
    }

    await errors(client, s, seed);

    console.log(`SdkInterop: ${results.passed} passed, ${results.failed} failed`);
    return results.failed === 0 && results.passed > 0 ? 0 : 1;
}

main().then(
    (code) => process.exit(code),
    (error) => {
        console.log(`FAIL interop.mjs stopped: ${error?.stack ?? error}`);
        console.log(`SdkInterop: ${results.passed} passed, ${results.failed + 1} failed`);
        process.exit(1);
    },
);
