// A generic host that registers the Plivo client from configuration (the "Plivo" section of appsettings.json) and
// adds a toll-free number. It runs against an embedded PlivoSandbox: the sandbox's URL and credentials are put into
// configuration before the host is built, exactly as a test of your own app would do.
using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Plivo.Generated;
using Plivo.Generated.Testing;

using var sandbox = PlivoSandbox.Start();
var seeded = sandbox.AddPowerpack("di-sample");

// The sample's own folder is its content root, so its appsettings.json is read wherever it is run from (the repo root too).
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
Console.WriteLine($"Plivo settings from {System.IO.Path.Combine(builder.Environment.ContentRootPath, "appsettings.json")}: MaxRetries = {builder.Configuration["Plivo:MaxRetries"] ?? "(default)"}");
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Plivo:BaseUrl"] = sandbox.BaseUrl.ToString(),
    ["Plivo:AuthId"] = sandbox.AuthId,
    ["Plivo:AuthToken"] = sandbox.AuthToken,
});
builder.Services.AddPlivo(builder.Configuration.GetSection("Plivo"));
builder.Services.AddTransient<TollfreeNumbers>();

using var host = builder.Build();
await host.StartAsync(); // validates the Plivo options: a missing AuthId/AuthToken stops here

using (var scope = host.Services.CreateScope())
{
    var numbers = scope.ServiceProvider.GetRequiredService<TollfreeNumbers>();
    var added = await numbers.AddAsync(seeded.Uuid, "18772209942");
    Console.WriteLine($"Added {added.Number} ({added.Type}) to pool {added.NumberPoolUuid} through DI.");
}

await host.StopAsync();
return 0;

/// <summary>An application service that gets the Plivo client injected.</summary>
internal sealed class TollfreeNumbers(PlivoApi plivo)
{
    public async Task<TollfreeNumber> AddAsync(string powerpackUuid, string number)
    {
        var powerpack = await plivo.Powerpacks.GetAsync(powerpackUuid);
        return await powerpack.NumberPool.Tollfree.AddAsync(number);
    }
}
