using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Newtonsoft.Json;
using Plivo.Generated.Http;

namespace Plivo.Generated.Benchmarks;

/// <summary>
/// Per-component costs of one add, to find where the client spends time and memory beyond the baseline. Not part of the
/// report run: <c>--bdn --filter *Components*</c>. Each benchmark copies one piece of what the generated code or our
/// pipeline does (the generated members are private), next to the hand-written equivalent.
/// </summary>
[MemoryDiagnoser]
public class Components
{
    private static readonly JsonSerializerSettings Settings = new() { MetadataPropertyHandling = MetadataPropertyHandling.Ignore };
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);
    private static readonly byte[] RentFalse = Encoding.UTF8.GetBytes("{\"rent\":false}");
    private static readonly Guid Pool = Guid.Parse(Fixtures.PoolUuid);
    private static readonly AuthenticationHeaderValue CachedAuthorization = new("Basic", "TUFaRFExWkpJME5ERk1OWkEwWlQ6YmVuY2g=");

    private HttpClient _plain = null!;
    private HttpClient _ownClient = null!;
    private ResilientSender _sender = null!;
    private HttpResponseMessage _bufferedResponse = null!;

    [GlobalSetup]
    public void Setup()
    {
        _plain = new HttpClient(new InMemoryPlivoHandler());
        _ownClient = OwnHttpClient.Over(new InMemoryPlivoHandler());
        _sender = new ResilientSender(new PlivoClientOptions());
        _bufferedResponse = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Fixtures.AddBytes) };
        _bufferedResponse.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        _bufferedResponse.Content.LoadIntoBufferAsync().GetAwaiter().GetResult();
    }

    // --- request body

    [Benchmark]
    public HttpContent Body_NSwagAsGenerated()
    {
        var json = JsonConvert.SerializeObject(new TollfreeAddRequest { Rent = false }, Settings);
        var content = new StringContent(json);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        return content;
    }

    [Benchmark]
    public HttpContent Body_OursNow()
    {
        var content = new ByteArrayContent(TollfreeClient.AddBody(new TollfreeAddRequest { Rent = false })!);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    [Benchmark]
    public HttpContent Body_HandWritten()
    {
        var content = new ByteArrayContent(RentFalse);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    // --- request message and URL

    [Benchmark]
    public HttpRequestMessage Request_OursNow()
    {
        // What CreateHttpRequestMessageAsync and the generated AddAsync do to build the request (body aside).
        var request = new HttpRequestMessage();
        request.Headers.Authorization = CachedAuthorization;
        request.Headers.TryAddWithoutValidation("User-Agent", "PlivoGenerated/0.1.0 (.NET 10.0.0; Linux)");
        request.Method = HttpMethod.Post;
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        var url = UrlBuilderCache.Acquire();
        url.Append("https://api.plivo.com/v1/");
        url.Append("Account/");
        url.Append(Uri.EscapeDataString(Fixtures.AuthId));
        url.Append("/NumberPool/");
        url.Append(Uri.EscapeDataString(Pool.ToString("D")));
        url.Append("/Tollfree/");
        url.Append(Uri.EscapeDataString(Fixtures.Number));
        url.Append('/');
        request.RequestUri = new Uri(UrlBuilderCache.ToStringAndRelease(url), UriKind.RelativeOrAbsolute);
        return request;
    }

    [Benchmark]
    public HttpRequestMessage Request_HandWritten() =>
        new HttpRequestMessage(HttpMethod.Post, "https://api.plivo.com/v1/Account/" + Fixtures.AuthId + "/NumberPool/" + Fixtures.PoolUuid + "/Tollfree/" + Fixtures.Number + "/");

    // --- sending

    [Benchmark]
    public async Task<HttpResponseMessage> Send_PlainHttpClient()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.plivo.com/v1/x/");
        return await _plain.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
    }

    [Benchmark]
    public async Task<HttpResponseMessage> Send_OurPipeline()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.plivo.com/v1/x/");
        return await _sender.SendAsync(_ownClient, request, CancellationToken.None).ConfigureAwait(false);
    }

    // --- pieces of the send path

    [Benchmark]
    public HttpContent Buffer_None() => new ByteArrayContent(Fixtures.AddBytes);

    [Benchmark]
    public HttpContent Buffer_LoadIntoBuffer()
    {
        var content = new ByteArrayContent(Fixtures.AddBytes);
        content.LoadIntoBufferAsync().GetAwaiter().GetResult();
        return content;
    }

    [Benchmark]
    public long? Buffer_LoadIntoBufferThenContentLength()
    {
        var content = new ByteArrayContent(Fixtures.AddBytes);
        content.LoadIntoBufferAsync().GetAwaiter().GetResult();
        return content.Headers.ContentLength;
    }

    [Benchmark]
    public long Buffer_LoadIntoBufferThenStreamLength()
    {
        var content = new ByteArrayContent(Fixtures.AddBytes);
        content.LoadIntoBufferAsync().GetAwaiter().GetResult();
        using var stream = content.ReadAsStreamAsync().GetAwaiter().GetResult();
        return stream.Length;
    }

    private HttpRequestMessage? _built;

    private HttpRequestMessage Built => _built ??= Request_OursNow();

    [Benchmark]
    public object Snapshot_Take() => RequestSnapshot.Take(Built);

    [Benchmark]
    public bool Timer_NewSource()
    {
        using var source = new CancellationTokenSource();
        source.CancelAfter(TimeSpan.FromSeconds(30));
        return source.IsCancellationRequested;
    }

    [Benchmark]
    public bool Timer_PooledSource()
    {
        var source = AttemptCancellation.Rent(CancellationToken.None);
        source.CancelAfter(TimeSpan.FromSeconds(30));
        var canceled = source.IsCancellationRequested;
        AttemptCancellation.Return(source, CancellationToken.None);
        return canceled;
    }

    // --- dates (added_on is "yyyy-MM-dd"; a field, so the JIT cannot fold a constant)

    private string _addedOn = "2019-10-09";

    [Benchmark]
    public DateTime Date_TryParseExact()
    {
        DateTime.TryParseExact(_addedOn, "yyyy-MM-dd", System.Globalization.CultureInfo.CurrentCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var date);
        return date;
    }

    [Benchmark]
    public DateTime Date_OursDigits()
    {
        DateFormatConverter.TryParseDigits(_addedOn, out var date);
        return date;
    }

    [Benchmark]
    public DateTime Date_Parse() => DateTime.Parse(_addedOn, System.Globalization.CultureInfo.InvariantCulture);

    // --- answer

    [Benchmark]
    public Dictionary<string, IEnumerable<string>> Answer_HeadersDictionary()
    {
        var headers = new Dictionary<string, IEnumerable<string>>();
        foreach (var item in _bufferedResponse.Headers)
        {
            headers[item.Key] = item.Value;
        }

        foreach (var item in _bufferedResponse.Content.Headers)
        {
            headers[item.Key] = item.Value;
        }

        return headers;
    }

    [Benchmark]
    public TollfreeNumber? Answer_NSwagStringPath()
    {
        var text = Encoding.UTF8.GetString(Fixtures.AddBytes);
        return JsonConvert.DeserializeObject<TollfreeNumber>(text, Settings);
    }

    [Benchmark]
    public TollfreeNumber? Answer_OursNowStreamCachedSerializer()
    {
        using var reader = new JsonTextReader(new StreamReader(new MemoryStream(Fixtures.AddBytes, writable: false), Encoding.UTF8));
        return Serializer.Deserialize<TollfreeNumber>(reader);
    }

    private static readonly JsonSerializer NoDateParsing = JsonSerializer.Create(new JsonSerializerSettings { MetadataPropertyHandling = MetadataPropertyHandling.Ignore, DateParseHandling = DateParseHandling.None });

    [Benchmark]
    public TollfreeNumber? Answer_OursNoDateParsing()
    {
        using var reader = new JsonTextReader(new StreamReader(new MemoryStream(Fixtures.AddBytes, writable: false), Encoding.UTF8));
        return NoDateParsing.Deserialize<TollfreeNumber>(reader);
    }

    [Benchmark]
    public TollfreePoco? Answer_HandWrittenPoco()
    {
        using var reader = new JsonTextReader(new StreamReader(new MemoryStream(Fixtures.AddBytes, writable: false), Encoding.UTF8));
        return Serializer.Deserialize<TollfreePoco>(reader);
    }
}
