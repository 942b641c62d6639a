using Microsoft.Extensions.DependencyInjection;
using Plivo.Generated;
using Plivo.Generated.Testing;

using var sandbox = PlivoSandbox.Start();
var seeded = sandbox.AddPowerpack("consumer");

using var api = new PlivoApi(sandbox.AuthId, sandbox.AuthToken, new PlivoClientOptions { BaseUrl = sandbox.BaseUrl });
var powerpack = await api.Powerpacks.GetAsync(seeded.Uuid);
var added = await powerpack.AddTollfreeAsync("18772209942");
Console.WriteLine($"Version 1 added {added.Number}");
var added2 = await powerpack.NumberPool.Tollfree.AddAsync("18005550100");
Console.WriteLine($"Version 2 added {added2.Number}");

// The DI package resolves too.
var services = new ServiceCollection();
services.AddPlivo(o => { o.BaseUrl = sandbox.BaseUrl; o.AuthId = sandbox.AuthId; o.AuthToken = sandbox.AuthToken; });
await using var provider = services.BuildServiceProvider();
var found = await provider.GetRequiredService<PlivoApi>().NumberPool(seeded.NumberPoolUuid).Tollfree.FindAsync("18005550100");
Console.WriteLine($"DI found {found.Number}");
Console.WriteLine($"Plivo.Generated {typeof(PlivoApi).Assembly.GetName().Version} from {Path.GetFileName(Path.GetDirectoryName(typeof(PlivoApi).Assembly.Location))}");
