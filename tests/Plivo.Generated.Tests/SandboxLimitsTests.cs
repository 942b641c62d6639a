using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Plivo.Generated.Testing;
using static Plivo.Generated.Tests.Support.SandboxHttp;

namespace Plivo.Generated.Tests;

/// <summary>
/// The sandbox against hostile clients: a body over the limit is refused with 413 and Plivo's error JSON (and never
/// kept), malformed framing with 400, the request log holds a bounded number of requests and a bounded part of each
/// body, paging does not overflow at the largest offsets, and <c>Dispose()</c> returns within a second whatever
/// connections clients hold open.
/// </summary>
[TestFixture]
public sealed class SandboxLimitsTests
{
    [Test]
    public async Task A_body_over_the_limit_is_refused_with_413_and_Plivos_error_json([Values(true, false)] bool declared)
    {
        using var sandbox = PlivoSandbox.Start();
        var seeded = sandbox.AddPowerpack();
        using var http = RawClient(sandbox);
        var huge = new string(' ', 200 * 1024 * 1024 / 64) + "{}"; // 3.2 MB of whitespace: a valid JSON body, far over 64 KiB
        HttpContent content = declared
            ? new StringContent(huge, Encoding.UTF8, "application/json")
            : new ChunkedContent(Encoding.UTF8.GetBytes(huge));

        using var response = await http.PostAsync($"Account/{sandbox.AuthId}/NumberPool/{seeded.NumberPoolUuid}/Tollfree/18772209942/", content);
        var body = await response.Content.ReadAsStringAsync();

        Assert.That((int)response.StatusCode, Is.EqualTo(413), body);
        Assert.That((string?)JObject.Parse(body)["error"], Does.Contain("too large"));
        Assert.That(sandbox.NumbersIn(seeded.NumberPoolUuid), Is.Empty, "nothing was added");
        Assert.That(sandbox.Requests.Single().Body, Is.Null, "the refused body is not kept");
    }

    [Test]
    public async Task A_malformed_chunked_body_is_refused_with_400()
    {
        using var sandbox = PlivoSandbox.Start();
        var seeded = sandbox.AddPowerpack();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", sandbox.BaseUrl.Port);
        var stream = tcp.GetStream();
        var request = $"POST /v1/Account/{sandbox.AuthId}/NumberPool/{seeded.NumberPoolUuid}/Tollfree/18772209942/ HTTP/1.1\r\n" +
                      $"Host: 127.0.0.1\r\nAuthorization: {BasicHeader(sandbox.AuthId, sandbox.AuthToken)}\r\nContent-Type: application/json\r\n" +
                      "Transfer-Encoding: chunked\r\n\r\nZZZ\r\n{}\r\n0\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));

        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        var answer = Encoding.ASCII.GetString(buffer, 0, read);

        Assert.That(answer, Does.StartWith("HTTP/1.1 400"));
        Assert.That(sandbox.NumbersIn(seeded.NumberPoolUuid), Is.Empty);
    }

    [Test]
    public async Task The_request_log_keeps_a_bounded_number_of_requests_and_of_each_body()
    {
        using var sandbox = PlivoSandbox.Start(new PlivoSandboxOptions { MaxRecordedRequests = 5, MaxRecordedBodyLength = 100 });
        var seeded = sandbox.AddPowerpack();
        using var http = RawClient(sandbox);

        for (var i = 0; i < 12; i++)
        {
            await SendRawAsync(http, HttpMethod.Post, $"Account/{sandbox.AuthId}/NumberPool/{seeded.NumberPoolUuid}/Tollfree/1800555{i:D4}/", "{\"rent\": false" + new string(' ', 5000) + "}");
        }

        var kept = sandbox.Requests;
        Assert.That(kept, Has.Count.EqualTo(5));
        Assert.That(kept.Select(r => r.Path), Has.All.Contains("/Tollfree/1800555"));
        Assert.That(kept.Last().Path, Does.Contain("18005550011"), "the newest are kept");
        Assert.That(kept.Select(r => r.Body!.Length), Has.All.LessThan(200));
        Assert.That(sandbox.NumbersIn(seeded.NumberPoolUuid), Has.Count.EqualTo(12), "the log's limits change nothing that is served");

        sandbox.ClearRequests();
        Assert.That(sandbox.Requests, Is.Empty);
    }

    [TestCase(int.MaxValue)]
    [TestCase(int.MaxValue - 5)]
    public async Task Paging_at_the_largest_offsets_does_not_overflow(int offset)
    {
        using var sandbox = PlivoSandbox.Start();
        var seeded = sandbox.AddPowerpack("p", new[] { "18772209942" });
        using var http = RawClient(sandbox);

        var (status, body) = await SendRawAsync(http, HttpMethod.Get, $"Account/{sandbox.AuthId}/NumberPool/{seeded.NumberPoolUuid}/Tollfree/?limit=20&offset={offset}");

        Assert.That(status, Is.EqualTo(200), body);
        var meta = JObject.Parse(body)["meta"]!;
        Assert.That(meta["next"]!.Type, Is.EqualTo(JTokenType.Null), body);
        Assert.That((string?)meta["previous"], Does.EndWith($"offset={(long)offset - 20}"), body);
    }

    [Test]
    public async Task Dispose_returns_within_a_second_while_clients_hold_connections_open()
    {
        var sandbox = PlivoSandbox.Start();
        var held = new TcpClient[10];
        for (var i = 0; i < held.Length; i++)
        {
            held[i] = new TcpClient();
            await held[i].ConnectAsync("127.0.0.1", sandbox.BaseUrl.Port);
            // Half a request: headers never finished, so the server waits for the rest.
            await held[i].GetStream().WriteAsync(Encoding.ASCII.GetBytes($"GET /v1/Account/{sandbox.AuthId}/Powerpack/ HTTP/1.1\r\nHost: x\r\n"));
        }

        var clock = Stopwatch.StartNew();
        sandbox.Dispose();

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)));
        foreach (var client in held)
        {
            client.Dispose();
        }
    }

    /// <summary>A body sent with Transfer-Encoding: chunked (no Content-Length).</summary>
    private sealed class ChunkedContent : HttpContent
    {
        private readonly byte[] _bytes;

        public ChunkedContent(byte[] bytes)
        {
            _bytes = bytes;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(System.IO.Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(_bytes, 0, _bytes.Length);

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
