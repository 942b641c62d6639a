using System;
using System.Net.Http;
using Plivo.Generated.Http;

namespace Plivo.Generated;

/// <summary>
/// The entry point: one instance per account serves a whole application and is safe to use from many threads.
/// <code>
/// var api = new PlivoApi("&lt;auth_id&gt;", "&lt;auth_token&gt;");
/// var powerpack = await api.Powerpacks.GetAsync("&lt;powerpack_uuid&gt;");
/// var added = await powerpack.AddTollfreeAsync("&lt;tollfree_number&gt;");               // Version 1
/// var added2 = await powerpack.NumberPool.Tollfree.AddAsync("&lt;tollfree_number&gt;");  // Version 2
/// </code>
/// </summary>
public sealed class PlivoApi : IDisposable
{
    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;

    /// <summary>
    /// Creates the API with the credentials in <paramref name="options"/> (<see cref="PlivoClientOptions.AuthId"/>,
    /// <see cref="PlivoClientOptions.AuthToken"/>), or, when it has none, from <c>PLIVO_AUTH_ID</c> and <c>PLIVO_AUTH_TOKEN</c>.
    /// </summary>
    /// <param name="options">Client settings; null takes the defaults.</param>
    /// <exception cref="InvalidOperationException">A credential is missing; the message names the option or variable.</exception>
    /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
    public PlivoApi(PlivoClientOptions? options = null)
        : this(PlivoCredentials.FromOptionsOrEnvironment(options), options)
    {
    }

    /// <summary>Creates the API with its own connection pool, disposed by <see cref="Dispose"/>.</summary>
    /// <param name="authId">The account's Auth ID.</param>
    /// <param name="authToken">The account's Auth Token.</param>
    /// <param name="options">Client settings; null takes the defaults.</param>
    /// <exception cref="ArgumentException">A credential is null, empty or malformed, or an option is invalid; the message names it.</exception>
    public PlivoApi(string authId, string authToken, PlivoClientOptions? options = null)
        : this(new PlivoCredentials(authId, authToken), options)
    {
    }

    /// <summary>Creates the API over a caller-owned <see cref="HttpClient"/> (from IHttpClientFactory, say), which it never disposes.</summary>
    /// <param name="authId">The account's Auth ID.</param>
    /// <param name="authToken">The account's Auth Token.</param>
    /// <param name="httpClient">The client requests go through; its handlers run for every request.</param>
    /// <param name="options">Client settings; null takes the defaults.</param>
    /// <exception cref="ArgumentException">A value is null, empty or malformed, or an option is invalid; the message names it.</exception>
    public PlivoApi(string authId, string authToken, HttpClient httpClient, PlivoClientOptions? options = null)
        : this(new PlivoCredentials(authId, authToken), httpClient, options)
    {
    }

    /// <summary>Creates the API with its own connection pool, disposed by <see cref="Dispose"/>.</summary>
    /// <param name="credentials">The account's credentials.</param>
    /// <param name="options">Client settings; null takes the defaults.</param>
    public PlivoApi(PlivoCredentials credentials, PlivoClientOptions? options = null)
        : this(new PlivoClientConfiguration(credentials, options), callerClient: null)
    {
    }

    /// <summary>Creates the API over a caller-owned <see cref="HttpClient"/>, which it never disposes.</summary>
    /// <param name="credentials">The account's credentials.</param>
    /// <param name="httpClient">The client requests go through.</param>
    /// <param name="options">Client settings; null takes the defaults.</param>
    public PlivoApi(PlivoCredentials credentials, HttpClient httpClient, PlivoClientOptions? options = null)
        : this(new PlivoClientConfiguration(credentials, options), httpClient ?? throw new ArgumentNullException(nameof(httpClient)))
    {
    }

    /// <summary>Our own pipeline over the given transport instead of a new connection pool (benchmarks: an in-memory handler).</summary>
    internal PlivoApi(PlivoCredentials credentials, PlivoClientOptions? options, HttpMessageHandler transport)
        : this(new PlivoClientConfiguration(credentials, options), callerClient: null, transport)
    {
    }

    private PlivoApi(PlivoClientConfiguration configuration, HttpClient? callerClient, HttpMessageHandler? transport = null)
    {
        Configuration = configuration;
        _ownsHttpClient = callerClient is null;
        _httpClient = callerClient ?? (transport is not null ? OwnHttpClient.Over(transport) : OwnHttpClient.Create());
        PowerpackClient = new PowerpackClient(configuration, _httpClient);
        TollfreeClient = new TollfreeClient(configuration, _httpClient);
        Powerpacks = new PowerpackOperations(this);
    }

    /// <summary>The account's Auth ID.</summary>
    public string AuthId => Configuration.Credentials.AuthId;

    /// <summary>Powerpack calls: <c>api.Powerpacks.GetAsync(uuid)</c>.</summary>
    public PowerpackOperations Powerpacks { get; }

    /// <summary>The generated Powerpack client, for calls the convenience layer does not cover.</summary>
    public IPowerpackClient PowerpackClient { get; }

    /// <summary>The generated toll-free client, for calls the convenience layer does not cover.</summary>
    public ITollfreeClient TollfreeClient { get; }

    internal PlivoClientConfiguration Configuration { get; }

    /// <summary>A number pool by its uuid, without fetching its Powerpack first.</summary>
    /// <param name="numberPoolUuid">The pool's uuid (8-4-4-4-12 hex digits).</param>
    /// <exception cref="ArgumentException"><paramref name="numberPoolUuid"/> is null, empty or not a uuid.</exception>
    public NumberPool NumberPool(string numberPoolUuid) =>
        new(this, ArgumentChecks.Uuid(numberPoolUuid, nameof(numberPoolUuid)));

    /// <summary>Releases the connection pool this instance created; a caller-owned <see cref="HttpClient"/> is left alone.</summary>
    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _httpClient.Dispose();
        }
    }

    /// <summary>Shows the Auth ID and base URL; never the token.</summary>
    public override string ToString() => $"PlivoApi(AuthId={AuthId}, BaseUrl={Configuration.BaseUrl})";
}
