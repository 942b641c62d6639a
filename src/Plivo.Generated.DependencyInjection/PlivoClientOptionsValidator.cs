using System;
using Microsoft.Extensions.Options;
using Plivo.Generated;

namespace Plivo.Generated.DependencyInjection;

/// <summary>
/// Checks <see cref="PlivoClientOptions"/> the way <see cref="PlivoApi"/> would, when the host starts: credentials present
/// and well-formed, every other option in range. Failures name the option.
/// </summary>
internal sealed class PlivoClientOptionsValidator : IValidateOptions<PlivoClientOptions>
{
    // The checks need a pipeline, not a connection pool: build it over a client that is never used for a request.
    private static readonly System.Net.Http.HttpClient SharedProbe = new();

    public ValidateOptionsResult Validate(string? name, PlivoClientOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.AuthId))
        {
            return ValidateOptionsResult.Fail("Plivo: AuthId is missing (configuration key \"AuthId\" of the Plivo section, or PlivoClientOptions.AuthId).");
        }

        if (string.IsNullOrWhiteSpace(options.AuthToken))
        {
            return ValidateOptionsResult.Fail("Plivo: AuthToken is missing (configuration key \"AuthToken\" of the Plivo section, or PlivoClientOptions.AuthToken).");
        }

        try
        {
            // The same checks the client makes: option ranges, https, the Auth ID's shape.
            using var pipeline = new PlivoPipeline(new PlivoCredentials(options.AuthId!, options.AuthToken!), options, SharedProbe);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail($"Plivo: {e.Message}");
        }
    }
}
