using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;

namespace Plivo.Generated;

/// <summary>
/// The entry point: one instance per account serves a whole application and is safe to use from many threads.
/// <code>
/// var api = new PlivoApi("&lt;auth_id&gt;", "&lt;auth_token&gt;");
/// var powerpack = await api.Powerpacks.GetAsync("&lt;powerpack_uuid&gt;");
/// var added = await powerpack.AddTollfreeAsync("&lt;tollfree_number&gt;");               // Version 1
/// var added2 = await powerpack.NumberPool.Tollfree.AddAsync("&lt;tollfree_number&gt;");  // Version 2
/// </code>
/// Every operation of the spec is also reachable as a generated client: <c>api.GetClient&lt;ITollfreeClient&gt;()</c>.
/// </summary>
public sealed class PlivoApi : IDisposable
{
    private readonly ConcurrentDictionary<Type, object> _clients = new();

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
    /// <param name="httpClient">The client requests go through; its handlers run for every attempt.</param>
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
        : this(new PlivoPipeline(credentials, options))
    {
    }

    /// <summary>Creates the API over a caller-owned <see cref="HttpClient"/>, which it never disposes.</summary>
    /// <param name="credentials">The account's credentials.</param>
    /// <param name="httpClient">The client requests go through.</param>
    /// <param name="options">Client settings; null takes the defaults.</param>
    public PlivoApi(PlivoCredentials credentials, HttpClient httpClient, PlivoClientOptions? options = null)
        : this(new PlivoPipeline(credentials, options, httpClient ?? throw new ArgumentNullException(nameof(httpClient))))
    {
    }

    /// <summary>Our own pipeline over the given transport instead of a new connection pool (benchmarks: an in-memory handler).</summary>
    internal PlivoApi(PlivoCredentials credentials, PlivoClientOptions? options, HttpMessageHandler transport)
        : this(new PlivoPipeline(credentials, options, transport))
    {
    }

    private PlivoApi(PlivoPipeline pipeline)
    {
        Pipeline = pipeline;
        Powerpacks = new PowerpackOperations(this);
    }

    /// <summary>The generated client classes <see cref="GetClient{TClient}"/> serves (one per tag of the spec), by name.</summary>
    public static IReadOnlyList<Type> ClientTypes => GeneratedClients.Types;

    /// <summary>The account's Auth ID.</summary>
    public string AuthId => Pipeline.Credentials.AuthId;

    /// <summary>What every request goes through: auth, base URL, retries, timeouts, limits, errors.</summary>
    public PlivoPipeline Pipeline { get; }

    /// <summary>Powerpack calls: <c>api.Powerpacks.GetAsync(uuid)</c>.</summary>
    public PowerpackOperations Powerpacks { get; }

    /// <summary>A number pool by its uuid, without fetching its Powerpack first.</summary>
    /// <param name="numberPoolUuid">The pool's uuid (8-4-4-4-12 hex digits).</param>
    /// <exception cref="ArgumentException"><paramref name="numberPoolUuid"/> is null, empty or not a uuid.</exception>
    public NumberPool NumberPool(string numberPoolUuid) =>
        new(this, ArgumentChecks.Uuid(numberPoolUuid, nameof(numberPoolUuid), Pipeline.Credentials));

    /// <summary>
    /// The generated client for one tag of the spec, sharing this API's pipeline: <c>api.GetClient&lt;ITollfreeClient&gt;()</c>
    /// or <c>api.GetClient&lt;TollfreeClient&gt;()</c>. Every operation of the spec is reachable this way, also one that
    /// has no convenience call yet. The same instance is returned each time.
    /// </summary>
    /// <typeparam name="TClient">A generated client class or its interface (see <see cref="ClientTypes"/>).</typeparam>
    /// <exception cref="ArgumentException"><typeparamref name="TClient"/> is not a generated client.</exception>
    public TClient GetClient<TClient>()
        where TClient : class => (TClient)GetClient(typeof(TClient));

    /// <summary>The generated client for <paramref name="clientType"/> (a class of <see cref="ClientTypes"/> or its interface).</summary>
    /// <param name="clientType">The client class or interface.</param>
    /// <exception cref="ArgumentException"><paramref name="clientType"/> is not a generated client.</exception>
    public object GetClient(Type clientType)
    {
        var implementation = GeneratedClients.Implementation(clientType);
        return _clients.TryGetValue(implementation, out var client) ? client : _clients.GetOrAdd(implementation, type => GeneratedClients.Create(type, Pipeline));
    }

    /// <summary>
    /// An API whose calls use <paramref name="callOptions"/> (a timeout, retries, extra headers) over this one's
    /// connection pool; this API is unchanged, and what the result returns (a <see cref="Powerpack"/>, a pool) keeps
    /// calling with those options. <c>await api.With(new PlivoCallOptions { MaxRetries = 0 }).Powerpacks.GetAsync(uuid)</c>.
    /// </summary>
    /// <param name="callOptions">The settings that differ.</param>
    /// <exception cref="ArgumentException">A setting is out of range, or a header is reserved or malformed; the message names it.</exception>
    public PlivoApi With(PlivoCallOptions callOptions) => new(Pipeline.With(callOptions));

    /// <summary>An API whose calls use the options <paramref name="configure"/> sets: <c>api.With(o =&gt; o.MaxRetries = 0)</c>.</summary>
    /// <param name="configure">Sets the options that differ.</param>
    /// <exception cref="ArgumentException">A setting is out of range, or a header is reserved or malformed; the message names it.</exception>
    public PlivoApi With(Action<PlivoCallOptions> configure)
    {
        var options = new PlivoCallOptions();
        (configure ?? throw new ArgumentNullException(nameof(configure)))(options);
        return With(options);
    }

    /// <summary>
    /// Runs <paramref name="call"/> (any call of either style, or of a generated client) and returns its result with what
    /// Plivo answered: the status, the headers, <c>api_id</c>, the attempts, for each Plivo call it made.
    /// <c>var added = await api.WithResponseAsync(a =&gt; a.NumberPool(pool).Tollfree.AddAsync(number));</c>
    /// </summary>
    /// <typeparam name="T">The call's result.</typeparam>
    /// <param name="call">The call; it is given this API.</param>
    /// <returns>The result and the answers.</returns>
    /// <exception cref="PlivoRestException">The call failed, as it would without this.</exception>
    public async Task<PlivoResponse<T>> WithResponseAsync<T>(Func<PlivoApi, Task<T>> call)
    {
        if (call is null)
        {
            throw new ArgumentNullException(nameof(call));
        }

        // Ambient for the calls made inside (this async method's own context: it does not outlive the method).
        var capture = Http.ResponseCapture.Begin();
        var value = await call(this).ConfigureAwait(false);
        return new PlivoResponse<T>(value, capture.Calls);
    }

    /// <summary>Releases the connection pool this instance created (a caller-owned <see cref="HttpClient"/> is left alone); calls in flight end with an <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose() => Pipeline.Dispose();

    /// <summary>Shows the Auth ID and base URL; never the token.</summary>
    public override string ToString() => Pipeline.Credentials.Redact($"PlivoApi(AuthId={Pipeline.Credentials.RedactedAuthId}, BaseUrl={Pipeline.Options.BaseUrl})");

    internal PowerpackClient PowerpackClient => GetClient<PowerpackClient>();

    internal TollfreeClient TollfreeClient => GetClient<TollfreeClient>();
}
