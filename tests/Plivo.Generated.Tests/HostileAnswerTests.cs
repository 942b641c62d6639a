using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using Plivo.Generated.Tests.Support;

namespace Plivo.Generated.Tests;

/// <summary>
/// Answers a proxy, a CDN or a broken deploy can give, from raw sockets on loopback: odd charsets, broken compression,
/// endless and huge bodies, compression bombs, redirects, a throwing logger, untrusted TLS, a call cut off by Dispose.
/// Each ends in a result or a <see cref="PlivoRestException"/> (or the documented <see cref="ObjectDisposedException"/>),
/// in bounded time and memory. Figures (time to fail, bytes allocated) are printed for docs/reliability.md.
/// </summary>
[TestFixture]
[NonParallelizable] // the memory figures read the process's allocation counter
public sealed class HostileAnswerTests
{
    private const string AuthId = "MAZDQ1ZJI0NDFMNZA0ZT";
    private const string AuthToken = "tok3n-S3CRET-must-never-leak-0123456789";
    private const string Pool = "659c7f88-c819-46e2-8af4-2d8a84249099";
    private const string Number = "18772209942";
    private const string AddJson = "{\"account_phone_number_resource\":\"/v1/Account/MAZDQ1ZJI0NDFMNZA0ZT/Number/18772209942/\",\"added_on\":\"2019-10-09\",\"api_id\":\"612982e8-7a36-11e8-aea7-0242ac110002\",\"country_iso2\":\"US\",\"number\":\"18772209942\",\"number_pool_uuid\":\"659c7f88-c819-46e2-8af4-2d8a84249099\",\"service\":\"sms\",\"type\":\"tollfree\"}";

    // An answer must end well under this; a call that pulls a body without bound would allocate gigabytes.
    private const long AllocationBound = 48L * 1024 * 1024;

    private static PlivoApi Api(HostilePeer peer, Action<PlivoClientOptions>? configure = null, HttpClient? http = null)
    {
        var options = new PlivoClientOptions { BaseUrl = peer.BaseUrl, RetryDelay = TimeSpan.FromMilliseconds(1), AttemptTimeout = TimeSpan.FromSeconds(10), Timeout = TimeSpan.FromSeconds(20) };
        configure?.Invoke(options);
        return http is null ? new PlivoApi(AuthId, AuthToken, options) : new PlivoApi(AuthId, AuthToken, http, options);
    }

    /// <summary>Runs the call; it must end in a PlivoRestException, fast and in bounded memory. Returns it, with the figures.</summary>
    private static async Task<PlivoRestException> FailsBounded(string what, Func<Task> call, double seconds = 10)
    {
        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        Exception? thrown = null;
        try
        {
            await call();
        }
        catch (Exception e)
        {
            thrown = e;
        }

        clock.Stop();
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        TestContext.Out.WriteLine($"{what}: {thrown?.GetType().Name ?? "no exception"} after {clock.Elapsed.TotalMilliseconds:0} ms, {bytes / 1024.0 / 1024.0:0.0} MiB allocated: {thrown?.Message}");
        Assert.That(thrown, Is.InstanceOf<PlivoRestException>(), $"{what}: {thrown}");
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(seconds)), what);
        Assert.That(bytes, Is.LessThan(AllocationBound), $"{what}: allocated {bytes:N0} bytes");
        return (PlivoRestException)thrown!;
    }

    // ---- charsets -----------------------------------------------------------------------------------------------------

    [Test]
    public async Task An_error_answer_in_a_charset_dotnet_cannot_decode_is_a_PlivoRestException_with_Plivos_error(
        [Values("bogus", "binary", "utf-7", "\"\"")] string charset)
    {
        using var peer = HostilePeer.Answering((_, s, stop) => HostilePeer.Write(s, 400, HostilePeer.ErrorJson("number already exists"), stop, $"Content-Type: application/json; charset={charset}"));
        using var api = Api(peer);

        var e = await FailsBounded($"400 charset={charset}", () => api.NumberPool(Pool).Tollfree.AddAsync(Number));

        Assert.That(e.StatusCode, Is.EqualTo(400));
        Assert.That(e.Error, Is.EqualTo("number already exists"));
    }

    [Test]
    public async Task A_successful_answer_in_an_odd_charset_succeeds_also_when_bodies_are_logged([Values("bogus", "binary", "utf-7")] string charset)
    {
        using var peer = HostilePeer.Answering((_, s, stop) => HostilePeer.Write(s, 200, AddJson, stop, $"Content-Type: application/json; charset={charset}"));
        var logger = new ListLogger();
        using var api = Api(peer, o => { o.Logger = logger; o.LogBodies = true; });

        var added = await api.NumberPool(Pool).Tollfree.AddAsync(Number);

        Assert.That(added.Number, Is.EqualTo(Number));
        Assert.That(logger.Lines.Select(l => l.Text), Has.Some.Contains("response body: {"));
    }

    // ---- compression --------------------------------------------------------------------------------------------------

    [Test]
    public async Task A_broken_compressed_body_is_a_PlivoRestException_for_a_client_that_decompresses([Values("gzip", "deflate", "br")] string encoding)
    {
        using var peer = HostilePeer.Answering((_, s, stop) => HostilePeer.Write(s, 200, Encoding.ASCII.GetBytes("\x1f\x8b\x08 this is not compressed at all"), stop, "Content-Type: application/json", $"Content-Encoding: {encoding}"));
        using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All });
        using var api = Api(peer, http: http);

        var e = await FailsBounded($"broken {encoding}", () => api.NumberPool(Pool).Tollfree.FindAsync(Number));

        Assert.That(e.StatusCode, Is.EqualTo(0));
    }

    [Test]
    public async Task A_compressed_answer_our_own_client_did_not_ask_for_is_a_PlivoRestException()
    {
        using var peer = HostilePeer.Answering((_, s, stop) => HostilePeer.Write(s, 200, Gzip(Encoding.UTF8.GetBytes(AddJson)), stop, "Content-Type: application/json", "Content-Encoding: gzip"));
        using var api = Api(peer);

        var e = await FailsBounded("gzip unasked", () => api.NumberPool(Pool).Tollfree.FindAsync(Number));

        Assert.That(e.StatusCode, Is.EqualTo(200));
        Assert.That(peer.Received.Single().Headers.ContainsKey("Accept-Encoding"), Is.False, "our own client asks for no compression");
    }

    [Test]
    public async Task A_compression_bomb_stops_at_MaxResponseSize_after_decompression()
    {
        // 64 MiB of JSON whitespace compresses to ~64 KiB: well under the limit on the wire, far over it decompressed.
        var bomb = Gzip(Enumerable.Repeat((byte)' ', 64 * 1024 * 1024).ToArray());
        using var peer = HostilePeer.Answering((_, s, stop) => HostilePeer.Write(s, 200, bomb, stop, "Content-Type: application/json", "Content-Encoding: gzip"));
        using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All });
        using var api = Api(peer, http: http);

        var e = await FailsBounded($"gzip bomb ({bomb.Length / 1024} KiB -> 64 MiB)", () => api.NumberPool(Pool).Tollfree.FindAsync(Number));

        Assert.That(e.Message, Does.Contain("MaxResponseSize"));
        Assert.That(peer.Requests, Is.EqualTo(1), "an answer over the limit is not retried");
    }

    // ---- size ---------------------------------------------------------------------------------------------------------

    [Test]
    public async Task An_endless_body_fails_at_MaxResponseSize_and_is_not_retried([Values(200, 503)] int status)
    {
        HostilePeer? endless = null;
        endless = HostilePeer.Answering((_, s, stop) => endless!.WriteEndless(s, status, stop, headers: "Content-Type: application/json"));
        using var disposeEndless = endless;
        using var api = Api(endless);

        var e = await FailsBounded($"endless {status} body", () => api.NumberPool(Pool).Tollfree.FindAsync(Number));

        Assert.That(e.Message, Does.Contain("MaxResponseSize").And.Contain("not retried"));
        Assert.That(endless.Requests, Is.EqualTo(1));
        TestContext.Out.WriteLine($"the peer wrote {endless.BodyBytesWritten / 1024.0 / 1024.0:0.0} MiB before the client went away");
        // What the socket buffers held besides the 1 MiB read: far from an endless read.
        Assert.That(endless.BodyBytesWritten, Is.LessThan(64L * 1024 * 1024));
    }

    [Test]
    public async Task A_declared_huge_error_body_fails_at_once_without_reading_it()
    {
        HostilePeer? peer = null;
        peer = HostilePeer.Answering((_, s, stop) => peer!.WriteEndless(s, 400, stop, declaredLength: 1_100_000_000, headers: "Content-Type: application/json"));
        using var dispose = peer;
        using var api = Api(peer);

        var e = await FailsBounded("400 declaring 1.1 GB", () => api.NumberPool(Pool).Tollfree.AddAsync(Number), seconds: 5);

        Assert.That(e.Message, Does.Contain("1,100,000,000").And.Contain("MaxResponseSize"));
        Assert.That(peer.BodyBytesWritten, Is.LessThan(64L * 1024 * 1024), "what the peer could write before the client went away");
    }

    [Test]
    public async Task A_smaller_MaxResponseSize_holds_too()
    {
        var big = new string('9', 5000);
        using var peer = HostilePeer.Answering((_, s, stop) => HostilePeer.Write(s, 200, AddJson.Replace("\"sms\"", $"\"{big}\"", StringComparison.Ordinal), stop, "Content-Type: application/json"));
        using var api = Api(peer, o => o.MaxResponseSize = 4096);

        var e = await FailsBounded("5 KB answer, 4 KiB limit", () => api.NumberPool(Pool).Tollfree.FindAsync(Number));

        Assert.That(e.Message, Does.Contain("4,096"));
    }

    [Test]
    public async Task A_long_error_text_is_quoted_as_a_short_excerpt_on_one_line_and_kept_whole_in_the_body()
    {
        var error = "line one\r\nFORGED LOG LINE: admin logged in\u0007" + new string('e', 900_000);
        using var peer = HostilePeer.Answering((_, s, stop) => HostilePeer.Write(s, 400, HostilePeer.ErrorJson(error), stop, "Content-Type: application/json"));
        using var api = Api(peer);

        var e = await FailsBounded("400 with a 900 KB error text", () => api.NumberPool(Pool).Tollfree.AddAsync(Number));

        Assert.That(e.Message.Length, Is.LessThan(PlivoRestException.MaxExcerpt + 200));
        Assert.That(e.Message.Where(char.IsControl).Select(c => (int)c), Is.Empty, "no control character: one line, no forged log line");
        Assert.That(e.Message, Does.Contain("line one\\r\\nFORGED"));
        Assert.That(e.Error, Is.EqualTo(error), "the parsed error is Plivo's, whole");
        Assert.That(e.ResponseBody, Does.Contain(new string('e', 1000)));
    }

    // ---- a logger that throws -----------------------------------------------------------------------------------------

    [Test]
    public async Task A_logger_that_throws_never_changes_the_outcome()
    {
        using var peer = HostilePeer.Answering((r, s, stop) => r.Number == 1
            ? HostilePeer.Write(s, 200, AddJson, stop, "Content-Type: application/json")
            : HostilePeer.Write(s, 404, HostilePeer.ErrorJson("not found"), stop, "Content-Type: application/json"));
        using var api = Api(peer, o => { o.Logger = new ThrowingLogger(); o.LogBodies = true; });

        var added = await api.NumberPool(Pool).Tollfree.AddAsync(Number);
        var e = await FailsBounded("404 with a throwing logger", () => api.NumberPool(Pool).Tollfree.FindAsync(Number));

        Assert.That(added.Number, Is.EqualTo(Number));
        Assert.That(e.StatusCode, Is.EqualTo(404));
    }

    // ---- redirects ----------------------------------------------------------------------------------------------------

    [Test]
    public async Task A_redirect_is_not_followed_and_names_its_location_without_user_info([Values(301, 302, 303, 307, 308)] int status)
    {
        using var elsewhere = HostilePeer.Answering((_, s, stop) => HostilePeer.Write(s, 200, AddJson, stop, "Content-Type: application/json"));
        var location = $"http://someone:p4ssw0rd-in-location@127.0.0.1:{elsewhere.BaseUrl.Port}/v1/elsewhere/";
        using var peer = HostilePeer.Answering((_, s, stop) => HostilePeer.Write(s, status, string.Empty, stop, $"Location: {location}"));
        using var api = Api(peer);

        var e = await FailsBounded($"{status} redirect", () => api.NumberPool(Pool).Tollfree.AddAsync(Number));

        Assert.That(e.StatusCode, Is.EqualTo(status));
        Assert.That(e.Message, Does.Contain("redirect").And.Contain($"127.0.0.1:{elsewhere.BaseUrl.Port}/v1/elsewhere/").And.Not.Contain("p4ssw0rd"));
        Assert.That(elsewhere.Requests, Is.Zero);
    }

    [Test]
    public async Task An_answer_after_a_redirect_a_callers_HttpClient_followed_is_never_a_success([Values(301, 302, 303, 307, 308)] int status)
    {
        using var elsewhere = HostilePeer.Answering((_, s, stop) => HostilePeer.Write(s, 200, AddJson, stop, "Content-Type: application/json"));
        using var peer = HostilePeer.Answering((_, s, stop) => HostilePeer.Write(s, status, string.Empty, stop, $"Location: {elsewhere.BaseUrl}elsewhere/"));
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true });
        using var api = Api(peer, http: http);

        var e = await FailsBounded($"{status} redirect followed by the caller's HttpClient", () => api.NumberPool(Pool).Tollfree.AddAsync(Number));

        Assert.That(e.Message, Does.Contain("followed a redirect"));
        Assert.That(elsewhere.Requests, Is.EqualTo(1), "the caller's handler followed it");
    }

    // ---- TLS ----------------------------------------------------------------------------------------------------------

    [Test]
    public async Task A_certificate_the_machine_does_not_trust_is_not_retried()
    {
        using var peer = HostilePeer.Untrusted();
        using var api = Api(peer, o => o.MaxRetries = 3);

        var e = await FailsBounded("untrusted TLS certificate", () => api.NumberPool(Pool).Tollfree.FindAsync(Number));

        Assert.That(e.Message, Does.Contain("TLS"));
        Assert.That(peer.Connections, Is.EqualTo(1), "one handshake");
    }

    // ---- the remove rule ----------------------------------------------------------------------------------------------

    [Test]
    public async Task A_remove_whose_earlier_attempt_may_have_succeeded_says_so_on_404([Values("503", "timeout")] string first)
    {
        using var peer = HostilePeer.Answering((r, s, stop) => r.Number == 1
            ? first == "503" ? HostilePeer.Write(s, 503, HostilePeer.ErrorJson("busy"), stop, "Content-Type: application/json") : HostilePeer.Hang(stop)
            : HostilePeer.Write(s, 404, HostilePeer.ErrorJson("not found"), stop, "Content-Type: application/json"));
        using var api = Api(peer, o => o.AttemptTimeout = TimeSpan.FromMilliseconds(300));

        var e = await FailsBounded($"remove: {first}, then 404", () => api.NumberPool(Pool).Tollfree.RemoveAsync(Number));

        Assert.That(e.StatusCode, Is.EqualTo(404));
        Assert.That(e.EarlierAttemptMayHaveSucceeded, Is.True);
        Assert.That(e.Message, Does.Contain("may have succeeded"));
    }

    [Test]
    public async Task A_remove_answered_404_at_once_is_a_plain_404()
    {
        using var peer = HostilePeer.Answering((_, s, stop) => HostilePeer.Write(s, 404, HostilePeer.ErrorJson("not found"), stop, "Content-Type: application/json"));
        using var api = Api(peer);

        var e = await FailsBounded("remove: 404", () => api.NumberPool(Pool).Tollfree.RemoveAsync(Number));

        Assert.That(e.EarlierAttemptMayHaveSucceeded, Is.False);
        Assert.That(e.Message, Does.Not.Contain("may have succeeded"));
    }

    // ---- timeouts that are not ours, and Dispose ------------------------------------------------------------------------

    [Test]
    public async Task A_callers_HttpClient_Timeout_is_named_as_the_limit_that_fired()
    {
        using var peer = HostilePeer.Answering((_, _, stop) => HostilePeer.Hang(stop));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        using var api = Api(peer, o => o.MaxRetries = 0, http);

        var e = await FailsBounded("caller's HttpClient.Timeout of 1 s", () => api.NumberPool(Pool).Tollfree.FindAsync(Number), seconds: 5);

        Assert.That(e.Message, Does.Contain("Timeout of the HttpClient").And.Contain("1 s").And.Not.Contain("PlivoClientOptions.Timeout"));
    }

    [Test]
    public async Task Dispose_during_a_call_ends_it_with_ObjectDisposedException_and_so_does_every_later_call()
    {
        using var peer = HostilePeer.Answering((_, _, stop) => HostilePeer.Hang(stop));
        var api = Api(peer);

        var call = api.NumberPool(Pool).Tollfree.FindAsync(Number);
        await Task.Delay(300);
        var clock = Stopwatch.StartNew();
        api.Dispose();
        var e = Assert.ThrowsAsync<ObjectDisposedException>(async () => await call);
        var later = Assert.ThrowsAsync<ObjectDisposedException>(async () => await api.NumberPool(Pool).Tollfree.FindAsync(Number));

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
        Assert.That(e!.Message, Does.Contain("disposed during the call").And.Not.Contain("timed out"));
        Assert.That(later!.Message, Does.Contain("disposed"));
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private sealed class ThrowingLogger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => throw new InvalidOperationException("logger broke");

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            throw new InvalidOperationException("logger broke");
    }
}
