using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using NUnit.Framework;
using Plivo.Generated.Testing;

namespace Plivo.Generated.Tests.Support;

/// <summary>Hand-built requests to a <see cref="PlivoSandbox"/>, for what the client refuses to send (bad numbers, bad bodies).</summary>
public static class SandboxHttp
{
    /// <summary>"Basic base64(authId:authToken)".</summary>
    public static string BasicHeader(string authId, string authToken) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(authId + ":" + authToken));

    /// <summary>An HttpClient on the sandbox's /v1/ that sends the sandbox's credentials.</summary>
    public static HttpClient RawClient(PlivoSandbox sandbox)
    {
        var http = new HttpClient { BaseAddress = sandbox.BaseUrl };
        http.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(BasicHeader(sandbox.AuthId, sandbox.AuthToken));
        return http;
    }

    /// <summary>The pool's toll-free list path, relative to /v1/.</summary>
    public static string PoolPath(PlivoSandbox sandbox, string poolUuid) => $"Account/{sandbox.AuthId}/NumberPool/{poolUuid}/Tollfree/";

    /// <summary>A number's path in the pool, relative to /v1/.</summary>
    public static string NumberPath(PlivoSandbox sandbox, string poolUuid, string number) => $"{PoolPath(sandbox, poolUuid)}{number}/";

    /// <summary>Sends a request relative to /v1/ (a null body sends none, anything else as application/json); returns the status and the raw body, checked to be JSON.</summary>
    public static async Task<(int Status, string Body)> SendRawAsync(HttpClient http, HttpMethod method, string relative, string? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(relative, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"), text);
        return ((int)response.StatusCode, text);
    }
}
