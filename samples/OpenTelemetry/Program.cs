// A generic host that sends Plivo's traces and metrics to OpenTelemetry (the console exporter), then makes a
// QuickStart-like run against an embedded PlivoSandbox: create a Powerpack, add toll-free numbers in both styles
// (one add answered 503 and not retried, one find answered 503 once and retried), list, find, remove, delete. The
// spans (one per call, named by the spec's operationId, with .NET's HTTP spans under them) print as each call ends;
// the metrics (plivo.client.call.duration, plivo.client.retries) print when the host stops.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Plivo.Generated;
using Plivo.Generated.Testing;

using var sandbox = PlivoSandbox.Start();
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Plivo:BaseUrl"] = sandbox.BaseUrl.ToString(),
    ["Plivo:AuthId"] = sandbox.AuthId,
    ["Plivo:AuthToken"] = sandbox.AuthToken,
    ["Plivo:RetryDelay"] = "00:00:00.050",
});
builder.Logging.SetMinimumLevel(LogLevel.Warning); // the spans and metrics are what this sample shows
builder.Services.AddPlivo(builder.Configuration.GetSection("Plivo"));
builder.Services.AddOpenTelemetry()
    .WithTracing(tracing => tracing
        // .NET's own HTTP spans (System.Net.Http) nest under Plivo's; listening to that source shows them.
        .AddSource(PlivoTelemetry.ActivitySourceName, "QuickStart", "System.Net.Http")
        .AddConsoleExporter())
    .WithMetrics(metrics => metrics
        .AddMeter(PlivoTelemetry.MeterName)
        .AddConsoleExporter());

using var host = builder.Build();
await host.StartAsync();
var api = host.Services.GetRequiredService<PlivoApi>();
using var source = new ActivitySource("QuickStart");

using (source.StartActivity("quickstart"))
{
    var powerpack = await api.Powerpacks.CreateAsync("otel-sample");
    await powerpack.AddTollfreeAsync("18772209942");                                  // Version 1
    await powerpack.NumberPool.Tollfree.AddAsync("18005550100", NumberService.Mms);   // Version 2

    sandbox.InjectFault(new SandboxFault { Operation = "Tollfree_Add", Status = 503, Times = 1 });
    try
    {
        await powerpack.NumberPool.Tollfree.AddAsync("18885550100");                   // a POST is not retried after a 503
    }
    catch (PlivoRestException e)
    {
        Console.WriteLine($"The add failed as injected: {e.StatusCode}");
    }

    sandbox.InjectFault(new SandboxFault { Operation = "Tollfree_Find", Status = 503, Times = 1 });
    var found = await api.WithResponseAsync(a => powerpack.NumberPool.Tollfree.FindAsync("18772209942"));  // retried once
    Console.WriteLine($"Found {found.Value.Number} after {found.Response.Attempts} attempts; api_id {found.ApiId}");

    await powerpack.NumberPool.Tollfree.ListAsync();
    await powerpack.RemoveTollfreeAsync("18772209942");
    await powerpack.DeleteAsync(unrentNumbers: true);
}

await host.StopAsync();
Console.WriteLine("Done.");
return 0;
