using System;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using NSwag;
using NUnit.Framework;
using Plivo.Generated.Tests.Support;

namespace Plivo.Generated.Tests;

/// <summary>
/// Every generated client (one per tag of the spec) is reachable from <see cref="PlivoApi"/> and registered by
/// <c>AddPlivo</c>, by one rule: a new tag needs no hand-written property or registration.
/// </summary>
[TestFixture]
public sealed class GeneratedClientsTests
{
    private static string[] SpecTags() =>
        OpenApiYamlDocument.FromYamlAsync(SpecFile.ReadText()).GetAwaiter().GetResult()
            .Operations.Select(o => o.Operation.Tags.First()).Distinct().Order(StringComparer.Ordinal).ToArray();

    [Test]
    public void There_is_one_generated_client_per_tag_of_the_spec() =>
        Assert.That(PlivoApi.ClientTypes.Select(t => t.Name), Is.EquivalentTo(SpecTags().Select(t => t + "Client")));

    [Test]
    public void Every_generated_client_and_its_interface_is_reachable_from_PlivoApi()
    {
        using var api = new PlivoApi("MAZDQ1ZJI0NDFMNZA0ZT", "token", new PlivoClientOptions { BaseUrl = new Uri("http://127.0.0.1:9/v1/") });
        var unreachable = SpecTags().Select(t => t + "Client").Where(name =>
        {
            var type = typeof(PlivoApi).Assembly.GetType("Plivo.Generated." + name);
            var contract = typeof(PlivoApi).Assembly.GetType("Plivo.Generated.I" + name);
            return type is null || contract is null || api.GetClient(type).GetType() != type || !ReferenceEquals(api.GetClient(contract), api.GetClient(type));
        }).ToList();

        Assert.That(unreachable, Is.Empty);
    }

    [Test]
    public void Every_generated_client_and_its_interface_is_registered_by_AddPlivo()
    {
        var services = new ServiceCollection();
        services.AddPlivo(o =>
        {
            o.AuthId = "MAZDQ1ZJI0NDFMNZA0ZT";
            o.AuthToken = "token";
            o.BaseUrl = new Uri("http://127.0.0.1:9/v1/");
        });
        using var provider = services.BuildServiceProvider();

        var unregistered = SpecTags().Select(t => t + "Client")
            .SelectMany(name => new[] { "Plivo.Generated." + name, "Plivo.Generated.I" + name })
            .Where(name => typeof(PlivoApi).Assembly.GetType(name) is not { } type || provider.GetService(type) is null)
            .ToList();

        Assert.That(unregistered, Is.Empty);
    }

    [Test]
    public void A_type_that_is_not_a_generated_client_is_refused_naming_the_clients()
    {
        using var api = new PlivoApi("MAZDQ1ZJI0NDFMNZA0ZT", "token", new PlivoClientOptions { BaseUrl = new Uri("http://127.0.0.1:9/v1/") });

        Assert.That(() => api.GetClient(typeof(string)), Throws.ArgumentException.With.Message.Contains("TollfreeClient"));
    }
}
