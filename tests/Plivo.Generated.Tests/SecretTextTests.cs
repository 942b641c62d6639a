using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NUnit.Framework;
using Plivo.Generated.Tests.Support;

namespace Plivo.Generated.Tests;

/// <summary>
/// No text the library produces — exception messages and <c>ToString()</c> (inner exceptions included), log lines,
/// the objects' <c>ToString()</c>, DI validation errors — contains the Auth Token, whatever argument it was passed as:
/// swapped credentials, a token-shaped Auth ID, the token in <c>BaseUrl</c>'s user info, host or path, in the
/// User-Agent suffix, or as a call's argument. A hostile peer echoes every request's path back in its error text.
/// (<see cref="PlivoClientOptions.ToString"/> masks the token it holds in <c>AuthToken</c>; options that do not hold it
/// cannot know which text is the token.)
/// </summary>
[TestFixture]
public sealed class SecretTextTests
{
    private const string AuthId = "MAZDQ1ZJI0NDFMNZA0ZT";
    private const string Token = "tok3n-S3CRET-must-never-leak-0123456789";
    private const string Pool = "659c7f88-c819-46e2-8af4-2d8a84249099";

    private readonly List<string> _texts = new();
    private HostilePeer _peer = null!;
    private ListLogger _logger = null!;

    [SetUp]
    public void Start()
    {
        _texts.Clear();
        _logger = new ListLogger();
        _peer = HostilePeer.Answering((r, s, stop) => HostilePeer.Write(s, 404, HostilePeer.ErrorJson($"nothing at {r.Path}"), stop, "Content-Type: application/json"));
    }

    [TearDown]
    public void Stop()
    {
        _peer.Dispose();
        _texts.AddRange(_logger.Lines.Select(l => l.Text));
        Assert.That(_texts, Is.Not.Empty, "the case produced texts to search");
        Assert.That(_texts.Where(t => t.Contains(Token, StringComparison.OrdinalIgnoreCase) || t.Contains(Uri.EscapeDataString(Token), StringComparison.OrdinalIgnoreCase)), Is.Empty);
    }

    private PlivoClientOptions Options(Action<PlivoClientOptions>? configure = null)
    {
        var options = new PlivoClientOptions { BaseUrl = _peer.BaseUrl, MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(1), Logger = _logger, LogBodies = true };
        configure?.Invoke(options);
        return options;
    }

    private async Task Collect(Func<Task> call)
    {
        try
        {
            await call();
            Assert.Fail("the call was expected to fail");
        }
        catch (Exception e)
        {
            _texts.Add(e.ToString());
            _texts.Add(e.Message);
        }
    }

    private void Collect(Action construct)
    {
        try
        {
            construct();
            Assert.Fail("the construction was expected to fail");
        }
        catch (Exception e)
        {
            _texts.Add(e.ToString());
        }
    }

    private void CollectObjects(PlivoApi api, PlivoClientOptions options)
    {
        _texts.Add(api.ToString());
        _texts.Add(api.Pipeline.ToString());
        _texts.Add(api.Pipeline.Credentials.ToString());
        _texts.Add(api.Pipeline.Credentials.RedactedAuthId);
        // Options mask the token they hold; options that do not hold it (AuthToken unset) cannot know it.
        if (options.AuthToken is not null)
        {
            _texts.Add(options.ToString());
        }

        _texts.Add(api.NumberPool(Pool).ToString());
    }

    [Test]
    public void Swapped_credentials_are_refused_without_showing_the_token() =>
        Collect(() => new PlivoApi(Token, AuthId, Options()));

    [Test]
    public async Task Swapped_credentials_allowed_by_AllowAnyAuthIdFormat_never_show_the_token()
    {
        var options = Options(o => o.AllowAnyAuthIdFormat = true);
        using var api = new PlivoApi(Token, AuthId, options);

        CollectObjects(api, options);
        await Collect(() => api.NumberPool(Pool).Tollfree.FindAsync("18772209942"));
        await Collect(() => api.Powerpacks.GetAsync("d35f2e82-d387-427f-8594-6fa07613c43a"));
    }

    [Test]
    public void The_token_in_BaseUrl_user_info_is_not_echoed() =>
        Collect(() => new PlivoApi(AuthId, Token, Options(o => o.BaseUrl = new Uri($"https://user:{Token}@api.plivo.com/v1/"))));

    [Test]
    public void The_token_in_a_plain_http_host_is_not_echoed() =>
        Collect(() => new PlivoApi(AuthId, Token, Options(o => o.BaseUrl = new Uri($"http://{Token}.example.invalid/v1/"))));

    [Test]
    public async Task The_token_in_an_https_host_is_not_echoed_by_the_name_resolution_failure()
    {
        // The resolver's failure as SocketsHttpHandler reports it ("... (host:443)"), without asking a real resolver.
        using var http = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = (_, _) => throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound),
        });
        var options = Options(o => o.BaseUrl = new Uri($"https://{Token}.example.invalid/v1/"));
        using var api = new PlivoApi(AuthId, Token, http, options);

        CollectObjects(api, options);
        await Collect(() => api.NumberPool(Pool).Tollfree.FindAsync("18772209942"));
    }

    [Test]
    public async Task The_token_in_the_BaseUrl_path_is_not_echoed()
    {
        var options = Options(o => o.BaseUrl = new Uri(_peer.BaseUrl, $"/{Token}/v1/"));
        using var api = new PlivoApi(AuthId, Token, options);

        CollectObjects(api, options);
        await Collect(() => api.NumberPool(Pool).Tollfree.FindAsync("18772209942"));
    }

    [Test]
    public async Task The_token_as_the_User_Agent_suffix_is_masked_in_the_options_that_hold_it()
    {
        var options = Options(o => { o.UserAgentSuffix = Token; o.AuthId = AuthId; o.AuthToken = Token; });
        using var api = new PlivoApi(options);

        CollectObjects(api, options);
        await Collect(() => api.NumberPool(Pool).Tollfree.FindAsync("18772209942"));
    }

    [Test]
    public async Task The_token_as_a_call_argument_is_not_echoed()
    {
        using var api = new PlivoApi(AuthId, Token, Options());

        await Collect(() => api.NumberPool(Pool).Tollfree.FindAsync(Token));
        await Collect(() => api.NumberPool(Pool).Tollfree.AddAsync(Token));
        await Collect(() => api.NumberPool(Pool).Tollfree.RemoveAsync(Token));
        await Collect(() => api.Powerpacks.GetAsync(Token));
        Collect(() => api.NumberPool(Token));
        // The generated client checks nothing: the token travels in the path, and the peer echoes it back.
        await Collect(() => api.GetClient<ITollfreeClient>().FindAsync(Guid.Parse(Pool), Token));
    }

    [Test]
    public void Swapped_credentials_in_DI_are_refused_at_start_up_without_showing_the_token()
    {
        var services = new ServiceCollection();
        services.AddPlivo(o =>
        {
            o.AuthId = Token;
            o.AuthToken = AuthId;
            o.BaseUrl = _peer.BaseUrl;
        });
        using var provider = services.BuildServiceProvider();

        Collect(() => _ = provider.GetRequiredService<IOptions<PlivoClientOptions>>().Value);
    }
}
