using System;

namespace Plivo.Generated;

/// <summary>
/// What every generated client needs beside its <see cref="System.Net.Http.HttpClient"/>: the credentials, the base URL,
/// the User-Agent, and the options its requests are sent with (retries, timeouts, logging). NSwag passes it to <see cref="PlivoClientBase"/> (its <c>configurationClass</c> setting).
/// </summary>
public sealed class PlivoClientConfiguration
{
    /// <summary>Creates the configuration from credentials and options (validated here).</summary>
    /// <param name="credentials">The account's Auth ID and Auth Token.</param>
    /// <param name="options">The client settings; null takes the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="credentials"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid, or the Auth ID is not shaped like Plivo's (see <see cref="PlivoClientOptions.AllowAnyAuthIdFormat"/>); the message names it.</exception>
    public PlivoClientConfiguration(PlivoCredentials credentials, PlivoClientOptions? options = null)
    {
        Credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        var copy = options?.Clone() ?? new PlivoClientOptions();
        copy.Validate();
        if (!copy.AllowAnyAuthIdFormat && !credentials.HasPlivoAuthIdFormat)
        {
            throw new ArgumentException(
                $"The Auth ID '{credentials.AuthId}' is not shaped like Plivo's (20 characters: MA or SA, then capital letters and digits). " +
                "Check it, or set PlivoClientOptions.AllowAnyAuthIdFormat for a test account.",
                "authId");
        }

        Options = copy;
        UserAgent = Generated.UserAgent.Create(copy.UserAgentSuffix);
        Sender = new Http.ResilientSender(copy);
    }

    /// <summary>The account's credentials.</summary>
    public PlivoCredentials Credentials { get; }

    /// <summary>A private copy of the options this configuration was built from.</summary>
    internal PlivoClientOptions Options { get; }

    /// <summary>Sends the requests of every client built with this configuration: retries, timeouts, logging.</summary>
    internal Http.ResilientSender Sender { get; }

    /// <summary>The base URL every path is resolved under, always ending in "/".</summary>
    public string BaseUrl => Options.BaseUrl.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? Options.BaseUrl.AbsoluteUri : Options.BaseUrl.AbsoluteUri + "/";

    /// <summary>The User-Agent header every request carries.</summary>
    public string UserAgent { get; }

    /// <summary>Shows the Auth ID, base URL and User-Agent; never the token.</summary>
    public override string ToString() => $"PlivoClientConfiguration(AuthId={Credentials.AuthId}, BaseUrl={BaseUrl}, UserAgent={UserAgent})";
}
