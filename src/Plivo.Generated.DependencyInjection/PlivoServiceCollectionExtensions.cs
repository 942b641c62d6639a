using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Plivo.Generated;
using Plivo.Generated.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Plivo client in a service collection.</summary>
public static class PlivoServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="System.Net.Http.HttpClient"/> the client uses (its handlers can be added to the returned builder).</summary>
    public const string HttpClientName = "Plivo.Generated";

    /// <summary>
    /// Registers <see cref="PlivoApi"/> as a typed client of IHttpClientFactory, plus every generated client of
    /// <see cref="PlivoApi.ClientTypes"/> and its interface (<see cref="ITollfreeClient"/>, ...), with options set by <paramref name="configure"/>. The options (credentials included)
    /// are validated when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options: <c>AuthId</c>, <c>AuthToken</c>, <c>BaseUrl</c>, timeouts, retries.</param>
    /// <returns>The HttpClient builder, to add handlers or settings.</returns>
    public static IHttpClientBuilder AddPlivo(this IServiceCollection services, Action<PlivoClientOptions> configure)
    {
        if (services is null) throw new ArgumentNullException(nameof(services));
        if (configure is null) throw new ArgumentNullException(nameof(configure));
        services.AddOptions<PlivoClientOptions>().Configure(configure).ValidateOnStart();
        return AddPlivoCore(services);
    }

    /// <summary>
    /// Registers <see cref="PlivoApi"/> as a typed client of IHttpClientFactory, plus every generated client and its interface, with
    /// options bound from <paramref name="configuration"/> (for example <c>configuration.GetSection("Plivo")</c> holding
    /// <c>AuthId</c>, <c>AuthToken</c>, <c>BaseUrl</c>, <c>Timeout</c>, <c>MaxRetries</c>...). Validated when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section to bind.</param>
    /// <returns>The HttpClient builder, to add handlers or settings.</returns>
    public static IHttpClientBuilder AddPlivo(this IServiceCollection services, IConfiguration configuration)
    {
        if (services is null) throw new ArgumentNullException(nameof(services));
        if (configuration is null) throw new ArgumentNullException(nameof(configuration));
        services.AddOptions<PlivoClientOptions>().Bind(configuration).ValidateOnStart();
        return AddPlivoCore(services);
    }

    private static IHttpClientBuilder AddPlivoCore(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PlivoClientOptions>, PlivoClientOptionsValidator>());
        var builder = services.AddHttpClient(HttpClientName);
        builder.AddTypedClient<PlivoApi>((System.Net.Http.HttpClient httpClient, IServiceProvider provider) =>
        {
            var options = provider.GetRequiredService<IOptions<PlivoClientOptions>>().Value.Clone();
            options.Logger ??= provider.GetService<ILoggerFactory>()?.CreateLogger("Plivo.Generated");
            return new PlivoApi(options.AuthId!, options.AuthToken!, httpClient, options);
        });
        // Every generated client (one per tag of the spec) and its interface, by the rule PlivoApi.GetClient follows.
        foreach (var client in PlivoApi.ClientTypes)
        {
            services.TryAddTransient(client, provider => provider.GetRequiredService<PlivoApi>().GetClient(client));
            foreach (var contract in client.GetInterfaces())
            {
                if (contract.Name == "I" + client.Name)
                {
                    services.TryAddTransient(contract, provider => provider.GetRequiredService<PlivoApi>().GetClient(client));
                }
            }
        }

        return builder;
    }
}
