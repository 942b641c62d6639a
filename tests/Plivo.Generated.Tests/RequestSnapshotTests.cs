using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Plivo.Generated.Http;

namespace Plivo.Generated.Tests;

/// <summary>What a retry sends: the request as it was before the first attempt, identical on the wire.</summary>
public class RequestSnapshotTests
{
    private static HttpRequestMessage Original()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "https://api.plivo.com/v1/Account/MA/NumberPool/x/Tollfree/1/")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"rent\":false}")),
            Version = HttpVersion.Version11,
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        request.Headers.TryAddWithoutValidation("Authorization", "Basic abc=");
        request.Headers.TryAddWithoutValidation("User-Agent", "PlivoGenerated/test");
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        request.Options.Set(new HttpRequestOptionsKey<string>("trace"), "t-1");
        return request;
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task The_copy_has_the_same_method_uri_version_headers_options_and_body(bool borrowContent)
    {
        using var original = Original();

        var copy = RequestSnapshot.Take(original).Create(borrowContent);

        Assert.That(copy, Is.Not.SameAs(original));
        Assert.That(copy.Method, Is.EqualTo(original.Method));
        Assert.That(copy.RequestUri, Is.EqualTo(original.RequestUri));
        Assert.That(copy.Version, Is.EqualTo(original.Version));
        Assert.That(Headers(copy), Is.EqualTo(Headers(original)));
        Assert.That(copy.Options.TryGetValue(new HttpRequestOptionsKey<string>("trace"), out var trace) ? trace : null, Is.EqualTo("t-1"));
        Assert.That(await copy.Content!.ReadAsStringAsync(), Is.EqualTo("{\"rent\":false}"));
        Assert.That(copy.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
    }

    [Test]
    public async Task A_borrowed_body_can_be_sent_again_by_a_client_that_disposes_what_it_sent()
    {
        // As .NET Framework's HttpClient does (the netstandard2.0 build borrows for every attempt because of it).
        var handler = new DisposingRecorder();
        using var invoker = new HttpMessageInvoker(handler);
        using var original = Original();

        var snapshot = RequestSnapshot.Take(original);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var response = await invoker.SendAsync(snapshot.Create(borrowContent: true), CancellationToken.None);
        }

        Assert.That(handler.Bodies, Is.EqualTo(Enumerable.Repeat("application/json {\"rent\":false}", 3)));
        Assert.That(await original.Content!.ReadAsStringAsync(), Is.EqualTo("{\"rent\":false}"), "the original's content is intact");
    }

    [Test]
    public void What_sending_adds_to_the_request_is_not_in_the_next_attempt()
    {
        using var original = Original();
        var snapshot = RequestSnapshot.Take(original);

        // What a first attempt can leave on the message: tracing's traceparent, a handler's header, a redirect.
        original.Headers.TryAddWithoutValidation("traceparent", "00-11111111111111111111111111111111-2222222222222222-01");
        original.Headers.Add("X-Correlation-Id", "id-1");
        original.RequestUri = new Uri("https://elsewhere.example/moved");
        original.Method = HttpMethod.Get;

        var retry = snapshot.Create();

        Assert.That(retry.Headers.Contains("traceparent"), Is.False);
        Assert.That(retry.Headers.Contains("X-Correlation-Id"), Is.False);
        Assert.That(retry.RequestUri, Is.EqualTo(new Uri("https://api.plivo.com/v1/Account/MA/NumberPool/x/Tollfree/1/")));
        Assert.That(retry.Method, Is.EqualTo(HttpMethod.Post));
        Assert.That(retry.Headers.NonValidated["Authorization"].ToString(), Is.EqualTo("Basic abc="));
    }

    private static string Headers(HttpRequestMessage request) =>
        string.Join("\n", request.Headers.NonValidated.OrderBy(h => h.Key).Select(h => h.Key + ": " + string.Join(",", h.Value)));

    private sealed class DisposingRecorder : HttpMessageHandler
    {
        public List<string> Bodies { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Bodies.Add(request.Content!.Headers.ContentType + " " + await request.Content.ReadAsStringAsync(cancellationToken));
            request.Content.Dispose();
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}
