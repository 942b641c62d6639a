using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using System.Text.Encodings.Web;
using System.Text.Json;
using Polly;

namespace Plivo.Generated;

/// <summary>
/// Sends every request of the generated clients: the one hand-written type the generated code depends on (nswag.json's
/// <c>httpClientType</c> and <c>jsonSerializerSettingsTransformationMethod</c>). It resolves each operation's path under
/// the account (<c>{BaseUrl}Account/{AuthId}/</c>), adds Basic auth and the User-Agent, runs the attempts through a
/// Polly pipeline (retries, the attempt timeout, the deadline; <see cref="PlivoClientOptions"/>), reads each answer
/// whole within <see cref="PlivoClientOptions.MaxResponseSize"/>, and turns every error status and every network fault
/// into a <see cref="PlivoRestException"/>: the generated code only ever sees a 2xx answer.
/// </summary>
/// <remarks>
/// One pipeline serves a whole application and is safe to use from many threads. <see cref="PlivoApi"/> makes one; build
/// one yourself to use a generated client directly: <c>new TollfreeClient(new PlivoPipeline(credentials, options))</c>.
/// </remarks>
public sealed class PlivoPipeline : IDisposable
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;
    private readonly ResiliencePipeline<HttpResponseMessage> _resilience;
    private readonly PlivoPipeline _root;
    // The root's Polly pipelines by the settings per-call options may change, built once each.
    private readonly ConcurrentDictionary<(TimeSpan Timeout, TimeSpan AttemptTimeout, int MaxRetries), ResiliencePipeline<HttpResponseMessage>> _resilienceBySettings = new();
    private volatile bool _disposed;

    /// <summary>Creates a pipeline over its own connection pool (disposed with it), or over a caller-owned <see cref="HttpClient"/>.</summary>
    /// <param name="credentials">The account's Auth ID and Auth Token.</param>
    /// <param name="options">The client settings (copied and validated here); null takes the defaults.</param>
    /// <param name="httpClient">A caller-owned client (from IHttpClientFactory, say), never disposed here; null makes one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="credentials"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid, or the Auth ID is not shaped like Plivo's (see <see cref="PlivoClientOptions.AllowAnyAuthIdFormat"/>); the message names it.</exception>
    public PlivoPipeline(PlivoCredentials credentials, PlivoClientOptions? options = null, HttpClient? httpClient = null)
        : this(credentials, options, httpClient, transport: null)
    {
    }

    /// <summary>Our own client over the given transport instead of a new connection pool (benchmarks: an in-memory handler).</summary>
    internal PlivoPipeline(PlivoCredentials credentials, PlivoClientOptions? options, HttpMessageHandler transport)
        : this(credentials, options, httpClient: null, transport)
    {
    }

    private PlivoPipeline(PlivoCredentials credentials, PlivoClientOptions? options, HttpClient? httpClient, HttpMessageHandler? transport)
    {
        Credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        var copy = options?.Clone() ?? new PlivoClientOptions();
        try
        {
            copy.Validate();
        }
        catch (ArgumentException e)
        {
            throw Redacted(e, credentials);
        }

        if (!copy.AllowAnyAuthIdFormat && !credentials.HasPlivoAuthIdFormat)
        {
            throw new ArgumentException(
                credentials.Redact($"The Auth ID '{credentials.RedactedAuthId}' is not shaped like Plivo's (20 characters: MA or SA, then capital letters and digits). " +
                "Check it (and that the Auth ID and Auth Token are not swapped), or set PlivoClientOptions.AllowAnyAuthIdFormat for a test account."),
                "authId");
        }

        Options = copy;
        AccountUrl = new Uri(copy.BaseUrl, "Account/" + credentials.AuthId + "/");
        AccountUrlText = AccountUrl.AbsoluteUri;
        UserAgent = Generated.UserAgent.Create(copy.UserAgentSuffix);
        Log = Http.AttemptLog.For(copy);
        _resilience = Http.ResilienceFactory.Create(copy);
        _resilienceBySettings[(copy.Timeout, copy.AttemptTimeout, copy.MaxRetries)] = _resilience;
        _ownsHttpClient = httpClient is null;
        _httpClient = httpClient ?? (transport is null ? Http.OwnHttpClient.Create() : Http.OwnHttpClient.Over(transport));
        _root = this;
        CallHeaders = NoHeaders;
    }

    // A view of root with per-call settings: the same connection pool, credentials and log.
    private PlivoPipeline(PlivoPipeline root, PlivoClientOptions options, IReadOnlyDictionary<string, string> headers)
    {
        _root = root;
        Credentials = root.Credentials;
        Options = options;
        AccountUrl = root.AccountUrl;
        AccountUrlText = root.AccountUrlText;
        UserAgent = root.UserAgent;
        Log = root.Log;
        _httpClient = root._httpClient;
        _ownsHttpClient = false;
        _resilience = root._resilienceBySettings.GetOrAdd((options.Timeout, options.AttemptTimeout, options.MaxRetries), _ => Http.ResilienceFactory.Create(options));
        CallHeaders = headers;
    }

    /// <summary>The account's credentials.</summary>
    public PlivoCredentials Credentials { get; }

    /// <summary>Where every operation's path is resolved: <c>{BaseUrl}Account/{AuthId}/</c>, the spec's server.</summary>
    public Uri AccountUrl { get; }

    /// <summary><see cref="AccountUrl"/> as text, for putting paths after it.</summary>
    internal string AccountUrlText { get; }

    /// <summary>The User-Agent header every request carries.</summary>
    public string UserAgent { get; }

    /// <summary>A private copy of the options this pipeline was built from.</summary>
    internal PlivoClientOptions Options { get; }

    internal HttpClient HttpClient => _httpClient;

    internal Http.AttemptLog? Log { get; }

    internal bool IsDisposed => _root._disposed;

    /// <summary>The headers every request of this pipeline carries besides the library's own (<see cref="PlivoCallOptions.Headers"/>).</summary>
    internal IReadOnlyDictionary<string, string> CallHeaders { get; }

    /// <summary>
    /// A pipeline whose calls use <paramref name="callOptions"/> over this one's connection pool, credentials and log;
    /// this pipeline is unchanged. Disposing the result releases nothing; disposing this one ends both.
    /// </summary>
    /// <param name="callOptions">The settings that differ; what is null in them keeps this pipeline's value.</param>
    /// <exception cref="ArgumentException">A setting is out of range, or a header is reserved or malformed; the message names it.</exception>
    public PlivoPipeline With(PlivoCallOptions callOptions)
    {
        if (callOptions is null)
        {
            throw new ArgumentNullException(nameof(callOptions));
        }

        var copy = callOptions.Clone();
        var headers = new Dictionary<string, string>(CallHeaders.Count + copy.Headers.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var header in CallHeaders)
        {
            headers[header.Key] = header.Value;
        }

        PlivoClientOptions options;
        try
        {
            options = copy.ApplyTo(Options);
        }
        catch (ArgumentException e)
        {
            throw Redacted(e, Credentials);
        }

        foreach (var header in copy.Headers)
        {
            headers[header.Key] = header.Value;
        }

        return new PlivoPipeline(_root, options, headers);
    }

    /// <summary>
    /// Sends a request the generated code built: its path resolved under <see cref="AccountUrl"/>, retried and timed as
    /// <see cref="PlivoClientOptions"/> says, its answer read whole.
    /// </summary>
    /// <param name="request">The request; its URI is relative to <see cref="AccountUrl"/>.</param>
    /// <param name="completionOption">Ignored: the answer's body is always read whole, inside its attempt.</param>
    /// <param name="cancellationToken">Cancels the call; it then ends in an <see cref="OperationCanceledException"/>.</param>
    /// <returns>A 2xx answer, its body buffered.</returns>
    /// <exception cref="PlivoRestException">Plivo answered an error status, or the network failed, or a timeout passed (after any retries).</exception>
    /// <exception cref="ObjectDisposedException">The pipeline (its <see cref="PlivoApi"/>) was disposed.</exception>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completionOption, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        ThrowIfDisposed();
        var call = new Http.Call(this, request) { CallerCancellation = cancellationToken };
        var telemetry = call.Telemetry = Http.CallTelemetry.Start(call);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        call.AttachTo(context);
        Outcome<HttpResponseMessage> outcome;
        try
        {
            outcome = await _resilience.ExecuteOutcomeAsync(
                static (ctx, state) => state.AttemptAsync(ctx.CancellationToken), context, call).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (telemetry is null)
        {
            return Http.Failures.SuccessOrThrow(outcome, call, cancellationToken);
        }

        HttpResponseMessage response;
        try
        {
            response = Http.Failures.SuccessOrThrow(outcome, call, cancellationToken);
        }
        catch (Exception e)
        {
            telemetry.Failed(e);
            throw;
        }

        telemetry.Succeeded(response);
        return response;
    }

    /// <summary>
    /// The JSON settings of every generated client (nswag.json's <c>jsonSerializerSettingsTransformationMethod</c>), and
    /// of <c>PlivoSandbox</c>'s answers: System.Text.Json's defaults (property names as the spec spells them, <c>$type</c>
    /// and <c>$ref</c> are data, text after the JSON is an error), and: a property left null is not sent (a request holds
    /// only the fields given); a number sent as a string (<c>"20"</c>) is read as a number, and a number or true/false
    /// where a string belongs as its text, as Plivo sends some of them; non-ASCII text and <c>+</c> are written as they
    /// are rather than as <c>\u</c> escapes, as Plivo writes them.
    /// </summary>
    /// <param name="settings">The settings NSwag creates.</param>
    /// <returns>The same settings, changed.</returns>
    public static JsonSerializerOptions ConfigureJsonSerializerSettings(JsonSerializerOptions settings)
    {
        if (settings is null)
        {
            throw new ArgumentNullException(nameof(settings));
        }

        settings.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        settings.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        settings.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString;
        settings.Converters.Add(Http.LenientStringConverter.Instance);
        return settings;
    }

    /// <summary>Releases the connection pool this pipeline created (a caller-owned <see cref="HttpClient"/> is left alone); calls in flight end with an <see cref="ObjectDisposedException"/>. A view from <see cref="With"/> releases nothing.</summary>
    public void Dispose()
    {
        if (_root != this)
        {
            return;
        }

        _disposed = true;
        if (_ownsHttpClient)
        {
            _httpClient.Dispose();
        }
    }

    /// <summary>Shows the base URL and the Auth ID (shortened if it could be a token); never the token.</summary>
    public override string ToString() => Credentials.Redact($"PlivoPipeline(BaseUrl={Options.BaseUrl}, AuthId={Credentials.RedactedAuthId})");

    // An option's message may quote a value that holds a secret (a token in BaseUrl, say): the same exception, redacted.
    private static ArgumentException Redacted(ArgumentException e, PlivoCredentials credentials)
    {
        var message = credentials.Redact(e.Message);
        if (message == e.Message)
        {
            return e;
        }

        var text = e.ParamName is { } name ? message.Replace($" (Parameter '{name}')", string.Empty) : message;
        return e switch
        {
            ArgumentOutOfRangeException => new ArgumentOutOfRangeException(e.ParamName, text),
            ArgumentNullException => new ArgumentNullException(e.ParamName, text),
            _ => new ArgumentException(text, e.ParamName),
        };
    }

    internal void ThrowIfDisposed()
    {
        if (IsDisposed)
        {
            throw new ObjectDisposedException(nameof(PlivoApi), "This PlivoApi (its PlivoPipeline) has been disposed.");
        }
    }
}
