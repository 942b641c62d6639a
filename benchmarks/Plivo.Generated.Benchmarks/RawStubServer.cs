using System;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Plivo.Generated.Benchmarks;

/// <summary>
/// A minimal Plivo on 127.0.0.1 (random port) that costs far less CPU per request than the client it serves: raw
/// sockets, HTTP/1.1 keep-alive, one async loop per connection with one buffer of its own, and answers copied from
/// <see cref="StubAnswers"/>' pre-built bytes. It reads just enough of a request to answer it: the request line, the
/// headers up to the blank line (Authorization, Content-Length, Connection), and skips the body. A Kestrel or Node stub
/// spends about as much CPU per request as the client, and on a 2-core machine that hides most of the client's cost.
/// </summary>
public sealed class RawStubServer : IAsyncDisposable
{
    // Far more than any request head here; a head that does not fit is answered 400.
    private const int BufferSize = 16 * 1024;

    private readonly Socket _listener;
    private readonly ConcurrentDictionary<Socket, bool> _open = new();
    private readonly Task _accepting;
    private long _requests;
    private int _connections;

    private RawStubServer(Socket listener)
    {
        _listener = listener;
        BaseUrl = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndPoint!).Port}/v1/";
        _accepting = AcceptLoopAsync();
    }

    /// <summary>http://127.0.0.1:port/v1/</summary>
    public string BaseUrl { get; }

    /// <summary>Requests answered so far (any status).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>TCP connections accepted so far.</summary>
    public int ConnectionsAccepted => Volatile.Read(ref _connections);

    public static RawStubServer Start()
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1024);
        return new RawStubServer(listener);
    }

    private async Task AcceptLoopAsync()
    {
        while (true)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            socket.NoDelay = true;
            Interlocked.Increment(ref _connections);
            _open[socket] = true;
            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        var buffer = new byte[BufferSize];
        var filled = 0;
        try
        {
            while (true)
            {
                int headLength;
                while ((headLength = HeadLength(buffer.AsSpan(0, filled))) < 0)
                {
                    if (filled == buffer.Length)
                    {
                        await socket.SendAsync(StubAnswers.BadRequest.AsMemory(), SocketFlags.None).ConfigureAwait(false);
                        return;
                    }

                    var received = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None).ConfigureAwait(false);
                    if (received == 0)
                    {
                        return;
                    }

                    filled += received;
                }

                var request = Parse(buffer.AsSpan(0, headLength));
                Interlocked.Increment(ref _requests);

                // Skip the body (never looked at); part or all of it may already be in the buffer.
                var consumed = headLength;
                var bodyLeft = request.ContentLength;
                var bodyInBuffer = (int)Math.Min(bodyLeft, filled - consumed);
                consumed += bodyInBuffer;
                bodyLeft -= bodyInBuffer;
                while (bodyLeft > 0)
                {
                    var received = await socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None).ConfigureAwait(false);
                    if (received == 0)
                    {
                        return;
                    }

                    filled = received;
                    consumed = (int)Math.Min(bodyLeft, received);
                    bodyLeft -= consumed;
                }

                // Whatever follows is the next (pipelined) request: keep it at the start of the buffer.
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;

                var answer = request.Answer;
                for (var sent = 0; sent < answer.Length;)
                {
                    sent += await socket.SendAsync(answer.AsMemory(sent), SocketFlags.None).ConfigureAwait(false);
                }

                if (request.Close)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // The client went away, or the server is stopping.
        }
        finally
        {
            _open.TryRemove(socket, out _);
            socket.Dispose();
        }
    }

    private readonly record struct Request(byte[] Answer, long ContentLength, bool Close);

    /// <summary>The length of the request head including its blank line, or -1 while it is incomplete.</summary>
    private static int HeadLength(ReadOnlySpan<byte> received)
    {
        var end = received.IndexOf("\r\n\r\n"u8);
        return end < 0 ? -1 : end + 4;
    }

    private static Request Parse(ReadOnlySpan<byte> head)
    {
        var lineEnd = head.IndexOf("\r\n"u8);
        var requestLine = head[..lineEnd];
        var methodEnd = requestLine.IndexOf((byte)' ');
        var targetLength = methodEnd < 0 ? -1 : requestLine[(methodEnd + 1)..].IndexOf((byte)' ');
        if (methodEnd <= 0 || targetLength <= 0)
        {
            return new Request(StubAnswers.BadRequest, 0, Close: true);
        }

        var method = requestLine[..methodEnd];
        var target = requestLine.Slice(methodEnd + 1, targetLength);

        long contentLength = 0;
        var basicAuth = false;
        var close = false;
        var headers = head[(lineEnd + 2)..];
        while ((lineEnd = headers.IndexOf("\r\n"u8)) > 0)
        {
            var line = headers[..lineEnd];
            headers = headers[(lineEnd + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                return new Request(StubAnswers.BadRequest, 0, Close: true);
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim(" \t"u8);
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                if (!Utf8Parser.TryParse(value, out contentLength, out var digits) || digits != value.Length || contentLength < 0)
                {
                    return new Request(StubAnswers.BadRequest, 0, Close: true);
                }
            }
            else if (Ascii.EqualsIgnoreCase(name, "Authorization"u8))
            {
                basicAuth = value.Length > 6 && Ascii.EqualsIgnoreCase(value[..6], "Basic "u8);
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                // Chunked bodies are not read here; none of the clients measured sends one.
                return new Request(StubAnswers.BadRequest, 0, Close: true);
            }
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
            {
                close = Ascii.EqualsIgnoreCase(value, "close"u8);
            }
        }

        var answer = basicAuth ? StubAnswers.Choose(method, target) : StubAnswers.Unauthorized;
        return new Request(answer, contentLength, close);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        foreach (var socket in _open.Keys)
        {
            socket.Dispose();
        }

        await _accepting.ConfigureAwait(false);
    }
}
