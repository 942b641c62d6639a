using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Plivo.Generated.Tests.Support;

/// <summary>A request as the peer read it.</summary>
public sealed record PeerRequest(int Number, string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body);

/// <summary>
/// An HTTP/1.1 peer on 127.0.0.1 that answers each request with whatever bytes a test scripts: odd charsets, broken
/// compression, endless or huge bodies, redirects, dropped connections; over plain TCP or TLS with a certificate no one
/// trusts. It counts connections, requests and the body bytes it wrote, so a test can bound what the client pulled.
/// </summary>
public sealed class HostilePeer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<PeerRequest, Stream, CancellationToken, Task> _answer;
    private readonly X509Certificate2? _certificate;
    private readonly ConcurrentQueue<PeerRequest> _received = new();
    private readonly ConcurrentBag<TcpClient> _clients = new();
    private int _connections;
    private int _requests;
    private long _bodyBytes;

    private HostilePeer(Func<PeerRequest, Stream, CancellationToken, Task> answer, bool tls)
    {
        _answer = answer;
        _certificate = tls ? SelfSigned() : null;
        _listener.Start();
        _ = Task.Run(AcceptLoopAsync);
    }

    /// <summary>A peer whose every request is answered by <paramref name="answer"/> (which writes the whole answer).</summary>
    public static HostilePeer Answering(Func<PeerRequest, Stream, CancellationToken, Task> answer) => new(answer, tls: false);

    /// <summary>A TLS peer with a self-signed certificate: no client should get past its handshake.</summary>
    public static HostilePeer Untrusted() => new((_, _, _) => Task.CompletedTask, tls: true);

    public Uri BaseUrl => new($"{(_certificate is null ? "http" : "https")}://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v1/");

    public int Connections => Volatile.Read(ref _connections);

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>How many body bytes the scripted answers wrote (the endless ones stop when the client goes away).</summary>
    public long BodyBytesWritten => Interlocked.Read(ref _bodyBytes);

    public IReadOnlyCollection<PeerRequest> Received => _received.ToArray();

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        _certificate?.Dispose();
        _stop.Dispose();
    }

    // ---- scripted answers --------------------------------------------------------------------------------------------

    /// <summary>A status line, headers (Content-Length added) and a body.</summary>
    public static async Task Write(Stream stream, int status, byte[] body, CancellationToken stop, params string[] headers)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} {Reason(status)}\r\n");
        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        head.Append("Content-Length: ").Append(body.Length).Append("\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), stop);
        await stream.WriteAsync(body, stop);
    }

    public static Task Write(Stream stream, int status, string body, CancellationToken stop, params string[] headers) =>
        Write(stream, status, Encoding.UTF8.GetBytes(body), stop, headers);

    /// <summary>A head, then body bytes until the client goes away or the peer stops (no length, or the length given).</summary>
    public async Task WriteEndless(Stream stream, int status, CancellationToken stop, long? declaredLength = null, byte fill = (byte)'x', params string[] headers)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} {Reason(status)}\r\n");
        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        head.Append(declaredLength is { } length ? $"Content-Length: {length}\r\n" : "Connection: close\r\n").Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), stop);
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, fill);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await stream.WriteAsync(chunk, stop);
                Interlocked.Add(ref _bodyBytes, chunk.Length);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client stopped reading and closed the connection: as it should.
        }
    }

    /// <summary>Closes the connection at once, without a byte of answer.</summary>
    public static Task Drop(Stream stream)
    {
        stream.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Never answers.</summary>
    public static Task Hang(CancellationToken stop) => Task.Delay(Timeout.Infinite, stop);

    /// <summary>Plivo's error JSON.</summary>
    public static string ErrorJson(string error) => $"{{\"api_id\":\"8c1b2d3e-7a36-11e8-aea7-0242ac110002\",\"error\":{System.Text.Json.JsonSerializer.Serialize(error)}}}";

    // ---- the connection loop -----------------------------------------------------------------------------------------

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            _clients.Add(client);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            Stream stream = client.GetStream();
            if (_certificate is not null)
            {
                var tls = new SslStream(stream);
                await tls.AuthenticateAsServerAsync(_certificate, clientCertificateRequired: false, checkCertificateRevocation: false);
                stream = tls;
            }

            while (await ReadRequestAsync(stream) is { } request)
            {
                _received.Enqueue(request);
                await _answer(request, stream, _stop.Token);
                await stream.FlushAsync(_stop.Token);
            }
        }
        catch (Exception)
        {
            // A handshake the client refused, a connection it dropped, the peer stopping: the connection ends.
        }
        finally
        {
            client.Dispose();
        }
    }

    private async Task<PeerRequest?> ReadRequestAsync(Stream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0 || head.Count > 64 * 1024)
            {
                return null;
            }

            head.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var start = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < lines.Length; i++)
        {
            var colon = lines[i].IndexOf(':');
            headers[lines[i][..colon]] = lines[i][(colon + 1)..].Trim();
        }

        var body = new byte[headers.TryGetValue("Content-Length", out var length) ? int.Parse(length, System.Globalization.CultureInfo.InvariantCulture) : 0];
        await stream.ReadExactlyAsync(body, _stop.Token);
        return new PeerRequest(Interlocked.Increment(ref _requests), start[0], start[1], headers, body);
    }

    private static bool EndsWithBlankLine(List<byte> bytes) =>
        bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n';

    private static string Reason(int status) => ((HttpStatusCode)status).ToString();

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}
