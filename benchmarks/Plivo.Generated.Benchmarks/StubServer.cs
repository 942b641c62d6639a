using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Plivo.Generated.Benchmarks;

/// <summary>
/// A minimal Plivo on 127.0.0.1 (Kestrel, random port): POST .../Tollfree/{number}/ answers the documented add JSON,
/// GET .../Tollfree/ the 20-number page; a request without Basic auth gets 401, anything else 404. It does as little
/// as possible so that the client is what a benchmark measures.
/// </summary>
public sealed class StubServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StubServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>http://127.0.0.1:port/v1/</summary>
    public string BaseUrl { get; }

    public static async Task<StubServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = Array.Empty<string>() });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0);
            o.AddServerHeader = false;
        });
        var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new StubServer(app, address.TrimEnd('/') + "/v1/");
    }

    private static Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Basic ", StringComparison.Ordinal))
        {
            response.StatusCode = 401;
            return Task.CompletedTask;
        }

        var path = request.Path.Value ?? string.Empty;
        byte[] body;
        if (HttpMethods.IsPost(request.Method) && path.Contains("/Tollfree/", StringComparison.Ordinal) && !path.EndsWith("/Tollfree/", StringComparison.Ordinal))
        {
            body = Fixtures.AddBytes;
        }
        else if (HttpMethods.IsGet(request.Method) && path.EndsWith("/Tollfree/", StringComparison.Ordinal))
        {
            body = Fixtures.ListBytes;
        }
        else
        {
            response.StatusCode = 404;
            return Task.CompletedTask;
        }

        response.StatusCode = 200;
        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, 0, body.Length);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
