using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Plivo.Generated.Testing;

/// <summary>
/// The HTTP server behind a <see cref="PlivoSandbox"/>: Kestrel (on loopback unless told otherwise), one handler for
/// every request. It reads the request as it arrived (the raw path, percent-encoding kept), refuses a body over the size
/// limit with 413 and a malformed one with 400 (Plivo's error JSON both), hands <c>/__sandbox/</c> to the
/// <see cref="SandboxControl"/> and the rest to the <see cref="SandboxRouter"/>, records what came to the latter, and
/// carries out what a fault asks (a delay, a Retry-After, a closed connection). It stops within half a second whatever
/// connections clients hold.
/// </summary>
internal sealed class SandboxHost : IDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromMilliseconds(500);

    private readonly WebApplication _app;
    private readonly SandboxRouter _router;
    private readonly SandboxControl _control;
    private readonly SandboxRequestLog _log;
    private readonly PlivoSandboxOptions _options;

    public SandboxHost(SandboxRouter router, SandboxControl control, SandboxRequestLog log, PlivoSandboxOptions options)
    {
        _router = router;
        _control = control;
        _log = log;
        _options = options;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = Array.Empty<string>() });
        builder.Logging.ClearProviders();
        // Not the console lifetime: a sandbox must not take Ctrl+C or SIGTERM from the process that hosts it.
        builder.Services.AddSingleton<IHostLifetime, HostedByCaller>();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(options.ListenAddress()!, options.Port);
            kestrel.AddServerHeader = false;
            // Our own limit answers with Plivo's error JSON; Kestrel's is the backstop for a body with no length.
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodySize;
        });
        _app = builder.Build();
        _app.Run(HandleAsync);
        _app.StartAsync().GetAwaiter().GetResult();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Port = new Uri(address).Port;
    }

    public int Port { get; }

    public void Dispose()
    {
        using (var stop = new CancellationTokenSource(StopTimeout))
        {
            try
            {
                _app.StopAsync(stop.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                // The connections still open were aborted.
            }
        }

        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
        var question = target.IndexOf('?');
        var path = question < 0 ? target : target.Substring(0, question);
        var query = question < 0 ? string.Empty : target.Substring(question);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var method = request.Method.ToUpperInvariant();

        var received = DateTimeOffset.UtcNow;

        SandboxAnswer answer;
        string? operationId = null;
        string? body = null;
        if (request.ContentLength > _options.MaxRequestBodySize)
        {
            answer = TooLarge();
        }
        else
        {
            var read = await ReadBodyAsync(request, context.RequestAborted).ConfigureAwait(false);
            body = read.Body;
            if (read.Problem is null && SandboxControl.Owns(path))
            {
                await WriteAsync(context, _control.Handle(method, path, headers, body)).ConfigureAwait(false);
                return;
            }

            answer = read.Problem ?? _router.Handle(new SandboxRequest(method, path, query, headers, body), out operationId);
        }

        _log.Add(new SandboxRequest(method, path, query, headers, Recorded(body), operationId, answer.Close ? 0 : answer.StatusCode, received));
        if (answer.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(answer.Delay, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return; // the client went away, or the sandbox is stopping
            }
        }

        if (answer.Close)
        {
            context.Abort();
            return;
        }

        await WriteAsync(context, answer).ConfigureAwait(false);
    }

    private static async Task WriteAsync(HttpContext context, SandboxAnswer answer)
    {
        context.Response.StatusCode = answer.StatusCode;
        context.Response.ContentType = answer.ContentType;
        if (answer.RetryAfter is { } seconds)
        {
            context.Response.Headers["Retry-After"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var bytes = Encoding.UTF8.GetBytes(answer.Json);
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, 0, bytes.Length, context.RequestAborted).ConfigureAwait(false);
    }

    // The body as text, or the answer that refuses it: over the limit (413), or malformed framing such as a bad chunk size (400).
    private async Task<(string? Body, SandboxAnswer? Problem)> ReadBodyAsync(HttpRequest request, CancellationToken aborted)
    {
        var limit = _options.MaxRequestBodySize;
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, 0, chunk.Length, aborted).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > limit)
                {
                    return (null, TooLarge());
                }
            }
        }
        catch (BadHttpRequestException e)
        {
            return (null, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? TooLarge() : SandboxAnswers.Error(400, $"malformed request body ({e.Message})"));
        }

        return (buffer.Length == 0 ? null : Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), null);
    }

    /// <summary>A lifetime that leaves the process's signals to the process: the sandbox starts and stops when told.</summary>
    private sealed class HostedByCaller : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private SandboxAnswer TooLarge() => SandboxAnswers.Error(413, $"request body too large (at most {_options.MaxRequestBodySize} bytes)");

    private string? Recorded(string? body) =>
        body is null || body.Length <= _options.MaxRecordedBodyLength ? body : body.Substring(0, _options.MaxRecordedBodyLength) + $"... ({body.Length} characters)";
}
