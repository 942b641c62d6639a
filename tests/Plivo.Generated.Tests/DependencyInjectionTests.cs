using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NUnit.Framework;
using Plivo.Generated.Testing;
using Plivo.Generated.Tests.Support;

namespace Plivo.Generated.Tests;

/// <summary>services.AddPlivo(...): registration, configuration binding, start-up validation, logging, handler sharing.</summary>
public sealed class DependencyInjectionTests
{
    private static IConfigurationSection PlivoSection(PlivoSandbox sandbox, string? authId = "(sandbox)", string? authToken = "(sandbox)")
    {
        var values = new Dictionary<string, string?>
        {
            ["Plivo:BaseUrl"] = sandbox.BaseUrl.ToString(),
            ["Plivo:AuthId"] = authId == "(sandbox)" ? sandbox.AuthId : authId,
            ["Plivo:AuthToken"] = authToken == "(sandbox)" ? sandbox.AuthToken : authToken,
            ["Plivo:MaxRetries"] = "1",
            ["Plivo:Timeout"] = "00:00:20",
            ["Plivo:UserAgentSuffix"] = "DiTest/1.0",
        };
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Plivo");
    }

    [Test]
    public async Task A_service_collection_built_from_configuration_resolves_PlivoApi_and_reaches_the_sandbox_with_the_configured_credentials()
    {
        using var sandbox = PlivoSandbox.Start();
        var seeded = sandbox.AddPowerpack("di");
        var services = new ServiceCollection();
        services.AddPlivo(PlivoSection(sandbox));
        await using var provider = services.BuildServiceProvider();

        var api = provider.GetRequiredService<PlivoApi>();
        var powerpack = await api.Powerpacks.GetAsync(seeded.Uuid);
        var added = await powerpack.NumberPool.Tollfree.AddAsync("18772209942");

        Assert.That(added.Number, Is.EqualTo("18772209942"));
        Assert.That(sandbox.NumbersIn(seeded.NumberPoolUuid), Is.EqualTo(new[] { "18772209942" }));
        var expected = "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(sandbox.AuthId + ":" + sandbox.AuthToken));
        Assert.That(sandbox.Requests.Select(r => r.Headers["Authorization"]), Is.All.EqualTo(expected));
        Assert.That(sandbox.Requests.Select(r => r.Headers["User-Agent"]), Is.All.EndsWith(" DiTest/1.0"));
    }

    [Test]
    public async Task Options_bind_from_configuration()
    {
        using var sandbox = PlivoSandbox.Start();
        var services = new ServiceCollection();
        services.AddPlivo(PlivoSection(sandbox));
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<PlivoClientOptions>>().Value;

        Assert.That(options.BaseUrl, Is.EqualTo(sandbox.BaseUrl));
        Assert.That((options.AuthId, options.MaxRetries, options.Timeout), Is.EqualTo((sandbox.AuthId, 1, TimeSpan.FromSeconds(20))));
        Assert.That(options.ToString(), Does.Not.Contain(sandbox.AuthToken));
    }

    [Test]
    public async Task The_generated_client_interfaces_resolve_and_work()
    {
        using var sandbox = PlivoSandbox.Start();
        var seeded = sandbox.AddPowerpack("di", new[] { "18005550100" });
        var services = new ServiceCollection();
        services.AddPlivo(o =>
        {
            o.BaseUrl = sandbox.BaseUrl;
            o.AuthId = sandbox.AuthId;
            o.AuthToken = sandbox.AuthToken;
        });
        await using var provider = services.BuildServiceProvider();

        var tollfree = provider.GetRequiredService<ITollfreeClient>();
        var found = await tollfree.FindAsync(Guid.Parse(seeded.NumberPoolUuid), "18005550100");
        var powerpack = await provider.GetRequiredService<IPowerpackClient>().GetAsync(Guid.Parse(seeded.Uuid));

        Assert.That(found.Number, Is.EqualTo("18005550100"));
        Assert.That(powerpack.Name, Is.EqualTo("di"));
    }

    [Test]
    public async Task Two_resolutions_share_the_handler_pool()
    {
        using var sandbox = PlivoSandbox.Start();
        var seeded = sandbox.AddPowerpack("di", new[] { "18005550100" });
        var primaryHandlersCreated = 0;
        var services = new ServiceCollection();
        services.AddPlivo(PlivoSection(sandbox)).ConfigurePrimaryHttpMessageHandler(() =>
        {
            Interlocked.Increment(ref primaryHandlersCreated);
            return new SocketsHttpHandler();
        });
        await using var provider = services.BuildServiceProvider();

        var first = provider.GetRequiredService<PlivoApi>();
        var second = provider.GetRequiredService<PlivoApi>();
        await first.NumberPool(seeded.NumberPoolUuid).Tollfree.FindAsync("18005550100");
        await second.NumberPool(seeded.NumberPoolUuid).Tollfree.FindAsync("18005550100");

        Assert.That(second, Is.Not.SameAs(first), "a typed client is transient");
        Assert.That(primaryHandlersCreated, Is.EqualTo(1), "both went through one pooled handler");
    }

    [Test]
    public async Task The_returned_builder_adds_handlers_that_see_every_request()
    {
        using var sandbox = PlivoSandbox.Start();
        var seeded = sandbox.AddPowerpack("di");
        var seen = new List<string>();
        var services = new ServiceCollection();
        services.AddPlivo(PlivoSection(sandbox)).AddHttpMessageHandler(() => new RecordingHandler(seen));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<PlivoApi>().Powerpacks.GetAsync(seeded.Uuid);

        Assert.That(seen, Is.EqualTo(new[] { $"GET /v1/Account/{sandbox.AuthId}/Powerpack/{seeded.Uuid}/" }));
    }

    [Test]
    public async Task The_hosts_logger_factory_gets_one_line_per_attempt()
    {
        using var sandbox = PlivoSandbox.Start();
        var seeded = sandbox.AddPowerpack("di");
        var logger = new ListLogger();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(new SingleLoggerProvider(logger)).SetMinimumLevel(LogLevel.Trace));
        services.AddPlivo(PlivoSection(sandbox));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<PlivoApi>().Powerpacks.GetAsync(seeded.Uuid);

        Assert.That(logger.Lines.Select(l => l.Text), Has.One.StartsWith($"Plivo GET /v1/Account/{sandbox.AuthId}/Powerpack/{seeded.Uuid}/ answered 200"));
        Assert.That(logger.Lines.Select(l => l.Text), Has.None.Contains(sandbox.AuthToken));
    }

    [TestCase(null, "token", "AuthId is missing")]
    [TestCase("MAZDQ1ZJI0NDFMNZA0ZT", null, "AuthToken is missing")]
    [TestCase("not-a-plivo-id", "token", "AllowAnyAuthIdFormat")]
    public void Missing_or_malformed_credentials_fail_at_host_start_up_naming_them(string? authId, string? authToken, string expected)
    {
        using var sandbox = PlivoSandbox.Start();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddPlivo(PlivoSection(sandbox, authId, authToken));
        using var host = builder.Build();

        var e = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(e!.Message, Does.Contain(expected));
        Assert.That(sandbox.Requests, Is.Empty, "nothing was sent");
    }

    [Test]
    public void Insecure_base_url_fails_at_start_up_naming_the_option()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddPlivo(o =>
        {
            o.AuthId = "MAZDQ1ZJI0NDFMNZA0ZT";
            o.AuthToken = "token";
            o.BaseUrl = new Uri("http://api.example.com/v1/");
        });
        using var host = builder.Build();

        var e = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(e!.Message, Does.Contain("BaseUrl").And.Contain("AllowInsecureHttp"));
    }

    private sealed class RecordingHandler(List<string> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (seen)
            {
                seen.Add($"{request.Method} {request.RequestUri!.AbsolutePath}");
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class SingleLoggerProvider(ILogger logger) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => logger;

        public void Dispose()
        {
        }
    }
}
