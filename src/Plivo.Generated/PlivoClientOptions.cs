using System;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace Plivo.Generated;

/// <summary>Settings of a <see cref="PlivoApi"/>. Every value has a safe default; <see cref="Validate"/> checks them all.</summary>
public sealed class PlivoClientOptions
{
    /// <summary>Plivo's production API.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://api.plivo.com/v1/");

    /// <summary>The default for <see cref="Timeout"/>, the deadline of a whole call.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The default for <see cref="AttemptTimeout"/>.</summary>
    public static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The default for <see cref="MaxResponseSize"/>: 1 MiB, some fifty times Plivo's largest page.</summary>
    public const int DefaultMaxResponseSize = 1024 * 1024;

    /// <summary>
    /// The account's Auth ID, for <c>new PlivoApi(options)</c> and dependency injection (<c>Plivo:AuthId</c> in configuration).
    /// When this or <see cref="AuthToken"/> is unset, <c>new PlivoApi(options)</c> reads <c>PLIVO_AUTH_ID</c> / <c>PLIVO_AUTH_TOKEN</c>.
    /// Constructors that take the credentials as arguments ignore both.
    /// </summary>
    public string? AuthId { get; set; }

    /// <summary>The account's Auth Token (see <see cref="AuthId"/>). Never shown by <see cref="ToString"/>.</summary>
    public string? AuthToken { get; set; }

    /// <summary>
    /// Where the API lives; every path is resolved under it. Default <c>https://api.plivo.com/v1/</c>. It must be
    /// <c>https</c>, unless its host is loopback (a sandbox on this machine) or <see cref="AllowInsecureHttp"/> is set.
    /// </summary>
    public Uri BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>
    /// The deadline of a whole call: every attempt and every wait between them. Then the call fails with a
    /// <see cref="PlivoRestException"/> saying it timed out. Default 2 minutes; <see cref="Timeout.InfiniteTimeSpan"/> turns it off.
    /// </summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>How long one attempt may take, from sending to reading the whole answer. Default 30 seconds; <see cref="Timeout.InfiniteTimeSpan"/> turns it off.</summary>
    public TimeSpan AttemptTimeout { get; set; } = DefaultAttemptTimeout;

    /// <summary>
    /// How many times a failed call is tried again (0 to 10; default 3; 0 turns retries off). GET and DELETE are retried on
    /// 408, 429, 500, 502, 503, 504, connection failures and attempt timeouts; the add (POST) only on 429 and on
    /// connection failures that prove the request never left, because Plivo may already have added the number.
    /// </summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The base of the exponential backoff: the first retry waits between 1x and 2x this, the next 2x to 4x, and so on. Default 0.5 seconds.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest the backoff waits between two attempts. Default 30 seconds.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest a <c>Retry-After</c> header (seconds or an HTTP date) is honoured for. Default 60 seconds.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The largest answer body read, in bytes, counted as it is read (after any decompression a caller's handler does).
    /// A larger answer fails the call at once with a <see cref="PlivoRestException"/> that says so, and is not retried.
    /// Default <see cref="DefaultMaxResponseSize"/> (1 MiB); 1 KiB to 1 GiB.
    /// </summary>
    public int MaxResponseSize { get; set; } = DefaultMaxResponseSize;

    /// <summary>Where each attempt is logged (method, path, status, duration, attempt number); null logs nothing. Never the Authorization header.</summary>
    public ILogger? Logger { get; set; }

    /// <summary>Also log request and response bodies, at Trace level only. Off by default.</summary>
    public bool LogBodies { get; set; }

    /// <summary>
    /// Accept an Auth ID that is not shaped like Plivo's (20 characters, <c>MA</c> or <c>SA</c> then capital letters and
    /// digits), for test accounts and fakes that use other ids. Off by default, so a mistyped id fails at construction.
    /// </summary>
    public bool AllowAnyAuthIdFormat { get; set; }

    /// <summary>Text appended to the User-Agent header, such as <c>MyApp/1.2</c>. Printable ASCII only.</summary>
    public string? UserAgentSuffix { get; set; }

    /// <summary>Allows a plain <c>http</c> <see cref="BaseUrl"/> on a host that is not loopback. Off by default: the Auth Token would travel in clear text.</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>Checks every setting and names the first one that is wrong.</summary>
    /// <exception cref="ArgumentException">A setting is invalid; <see cref="ArgumentException.ParamName"/> names it.</exception>
    public void Validate()
    {
        if (BaseUrl is null)
        {
            throw new ArgumentNullException(nameof(BaseUrl), "PlivoClientOptions.BaseUrl must be set.");
        }

        if (!BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttps && BaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"PlivoClientOptions.BaseUrl must be an absolute http(s) URL; '{Shown(BaseUrl)}' is not.", nameof(BaseUrl));
        }

        if (!string.IsNullOrEmpty(BaseUrl.Query) || !string.IsNullOrEmpty(BaseUrl.Fragment) || !string.IsNullOrEmpty(BaseUrl.UserInfo))
        {
            throw new ArgumentException($"PlivoClientOptions.BaseUrl must not carry a query, fragment or user info; '{Shown(BaseUrl)}' does.", nameof(BaseUrl));
        }

        if (BaseUrl.Scheme == Uri.UriSchemeHttp && !BaseUrl.IsLoopback && !AllowInsecureHttp)
        {
            throw new ArgumentException(
                $"PlivoClientOptions.BaseUrl '{Shown(BaseUrl)}' is plain http on a host that is not loopback; the Auth Token would be sent in clear text. Use https, or set AllowInsecureHttp.",
                nameof(BaseUrl));
        }

        CheckTimeout(Timeout, nameof(Timeout));
        CheckTimeout(AttemptTimeout, nameof(AttemptTimeout));
        if (MaxRetries is < 0 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, "PlivoClientOptions.MaxRetries must be between 0 and 10.");
        }

        if (MaxResponseSize is < 1024 or > 1024 * 1024 * 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxResponseSize), MaxResponseSize, "PlivoClientOptions.MaxResponseSize must be between 1 KiB (1024) and 1 GiB.");
        }

        CheckDelay(RetryDelay, nameof(RetryDelay));
        CheckDelay(MaxRetryDelay, nameof(MaxRetryDelay));
        CheckDelay(MaxRetryAfter, nameof(MaxRetryAfter));

        if (UserAgentSuffix is { } suffix)
        {
            foreach (var c in suffix)
            {
                if (c < ' ' || c > '~')
                {
                    throw new ArgumentException("PlivoClientOptions.UserAgentSuffix may hold printable ASCII only.", nameof(UserAgentSuffix));
                }
            }
        }
    }

    // A URL as messages show it: without user info, which can hold a password.
    private static string Shown(Uri url) =>
        string.IsNullOrEmpty(url.UserInfo) ? url.ToString() : new UriBuilder(url) { UserName = "***", Password = string.Empty }.Uri.ToString();

    private static void CheckTimeout(TimeSpan value, string name)
    {
        // Polly's timeout strategy takes more than 10 ms and less than a day.
        if (value != System.Threading.Timeout.InfiniteTimeSpan && (value <= TimeSpan.FromMilliseconds(10) || value >= TimeSpan.FromDays(1)))
        {
            throw new ArgumentOutOfRangeException(name, value, $"PlivoClientOptions.{name} must be more than 10 ms and less than 1 day, or Timeout.InfiniteTimeSpan.");
        }
    }

    private static void CheckDelay(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero || value > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"PlivoClientOptions.{name} must be between 0 and 1 day.");
        }
    }

    /// <summary>A copy of these options; changing one does not change the other.</summary>
    public PlivoClientOptions Clone() => (PlivoClientOptions)MemberwiseClone();

    /// <summary>Shows the settings, the Auth Token as <c>***</c> wherever it appears (also in another setting).</summary>
    public override string ToString() => PlivoCredentials.Mask(
        $"PlivoClientOptions(AuthId={(AuthId is null ? "(not set)" : PlivoCredentials.ShownAuthId(AuthId))}, AuthToken={(AuthToken is null ? "(not set)" : "***")}, BaseUrl={(BaseUrl is null ? "(not set)" : Shown(BaseUrl))}, Timeout={Timeout}, AttemptTimeout={AttemptTimeout}, MaxRetries={MaxRetries}, RetryDelay={RetryDelay}, " +
        $"MaxRetryDelay={MaxRetryDelay}, MaxRetryAfter={MaxRetryAfter}, MaxResponseSize={MaxResponseSize}, UserAgentSuffix={UserAgentSuffix ?? "(none)"}, AllowInsecureHttp={AllowInsecureHttp}, " +
        $"AllowAnyAuthIdFormat={AllowAnyAuthIdFormat}, Logger={(Logger is null ? "(none)" : "set")}, LogBodies={LogBodies})", AuthToken, AuthId);
}
