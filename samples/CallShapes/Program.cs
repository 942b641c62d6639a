// README-CALLS-BEGIN
using Plivo.Generated;
using Plivo.Generated.Testing;

// A Plivo on this machine. Against the real one: using var api = new PlivoApi("<auth_id>", "<auth_token>");
using var sandbox = PlivoSandbox.Start();
sandbox.AddInventoryNumber("14155550123", NumberType.Fixed, "US", "California"); // a number Plivo offers to rent
using var api = sandbox.CreateApi();

// Powerpacks
var powerpack = await api.Powerpacks.CreateAsync("marketing", stickySender: true, localConnect: true);
var same = await api.Powerpacks.GetAsync(powerpack.Uuid!);                   // or "<powerpack_uuid>"
var page = await api.Powerpacks.ListAsync(limit: 20, offset: 0);             // page.Meta?.Next is empty on the last page
await foreach (var each in api.Powerpacks.ListAllAsync()) { Console.WriteLine($"Powerpack {each.Name}"); }
powerpack = await powerpack.UpdateAsync(name: "marketing-us", localConnect: false);

// Numbers, Version 1: on the Powerpack
var number = await powerpack.AddNumberAsync("14155550100");
var found = await powerpack.FindNumberAsync("14155550100");
var numbers = await powerpack.ListNumbersAsync(new NumberFilter { CountryIso2 = "US", StartsWith = { "1415" } });
var count = await powerpack.CountNumbersAsync();
var bought = await powerpack.BuyAddNumberAsync(search: new PhoneNumberSearch("US") { Pattern = "415" });
await powerpack.RemoveNumberAsync("14155550100", unrent: false);

// Numbers, Version 2: on its number pool (the same requests)
var pool = powerpack.NumberPool;                                             // or api.NumberPool("<number_pool_uuid>")
await pool.Numbers.AddAsync("14155550101", NumberService.Mms);
await foreach (var each in pool.Numbers.ListAllAsync()) { Console.WriteLine($"Number {each.Number}"); }
await pool.Numbers.RemoveAsync("14155550101", unrent: true);

// Toll-free numbers, both styles
var added = await powerpack.AddTollfreeAsync("18772209942");
var added2 = await pool.Tollfree.AddAsync("18005550100", NumberService.Mms);
var tollfree = await pool.Tollfree.ListAsync(limit: 20);
var tf = await pool.Tollfree.FindAsync("18772209942");
await powerpack.RemoveTollfreeAsync("18772209942", unrent: false);

// Shortcodes: Plivo links them to a pool (the sandbox seeds them)
sandbox.AddShortcode(pool.Uuid, "444444");
var shortcodes = await pool.Shortcodes.ListAsync();
var shortcode = await powerpack.FindShortcodeAsync("444444");
await pool.Shortcodes.RemoveAsync("444444");

// Any operation of the spec, through its generated client
var raw = await api.GetClient<ITollfreeClient>().FindAsync(Guid.Parse(pool.Uuid), "18005550100");

await powerpack.DeleteAsync(unrentNumbers: true);
Console.WriteLine($"{page.Meta?.TotalCount} Powerpack, {count} number, bought {bought.Number}, {tollfree.Objects?.Count} toll-free, {shortcodes.Meta?.TotalCount} shortcode, {raw.Number}: done");
// README-CALLS-END
