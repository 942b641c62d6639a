using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Plivo.Generated.Tests.Support;

/// <summary>
/// A misbehaving HTTP peer on 127.0.0.1 for faults WireMock cannot make: it reads each request, counts it as it
/// arrives, then drops the connection without a word, holds it open without ever answering, or answers the status line
/// and headers and the start of a body, then holds the connection open without the rest.
/// </summary>
public sealed class RawTcpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<TcpClient> _held = new();
    private readonly bool _hang;
    private readonly byte[]? _partialAnswer;
    private int _requests;

    private RawTcpServer(bool hang, string? partialAnswer = null)
    {
        _hang = hang;
        _partialAnswer = partialAnswer is null ? null : System.Text.Encoding.ASCII.GetBytes(partialAnswer);
        _listener.Start();
        _ = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Closes every connection as soon as a request has arrived.</summary>
    public static RawTcpServer Dropping() => new(hang: false);

    /// <summary>Never answers; connections stay open until disposed.</summary>
    public static RawTcpServer Hanging() => new(hang: true);

    /// <summary>Answers 200 with headers promising 100 bytes of body, sends 11 of them, and never the rest.</summary>
    public static RawTcpServer StallingBody() =>
        new(hang: true, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"api_id\":");

    public Uri BaseUrl => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v1/");

    /// <summary>How many requests have arrived so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var client in _held)
        {
            client.Dispose();
        }

        _stop.Dispose();
    }

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

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        var buffer = new byte[8192];
        try
        {
            // Each read that brings bytes is one request here: clients send one small request per connection turn.
            while (await client.GetStream().ReadAsync(buffer, _stop.Token) > 0)
            {
                Interlocked.Increment(ref _requests);
                if (_partialAnswer is not null)
                {
                    await client.GetStream().WriteAsync(_partialAnswer, _stop.Token);
                }

                if (!_hang)
                {
                    client.Client.LingerState = new LingerOption(true, 0);
                    client.Dispose();
                    return;
                }

                _held.Add(client);
            }
        }
        catch (Exception)
        {
            client.Dispose();
        }
    }
}
