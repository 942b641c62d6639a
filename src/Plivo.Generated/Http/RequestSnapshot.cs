using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;

namespace Plivo.Generated.Http;

/// <summary>
/// A request as the generated code built it (method, URI, version, headers), taken before the first attempt, so that
/// every retry sends that request again. An <see cref="HttpClient"/> refuses to send a message twice, so a retry sends a new one made from this; and
/// sending changes the message (tracing adds <c>traceparent</c>, a caller's handler may add headers, a redirect changes
/// the URI), which a retry must not inherit.
/// </summary>
internal readonly struct RequestSnapshot
{
    /// <summary>
    /// True where <see cref="HttpClient"/> disposes a request's content once sent (.NET Framework, which takes the
    /// netstandard2.0 build): there every attempt, the first too, sends a message made from the snapshot, whose content
    /// borrows the original's.
    /// </summary>
#if NET5_0_OR_GREATER
    public const bool ContentDisposedWhenSent = false;
#else
    public const bool ContentDisposedWhenSent = true;
#endif

    private readonly HttpRequestMessage _original;
    private readonly HttpMethod _method;
    private readonly Uri? _uri;
    private readonly Version _version;
    // Each value is a string, or a string[] for a header with several values.
    private readonly KeyValuePair<string, object>[] _headers;
#if NET5_0_OR_GREATER
    private readonly HttpVersionPolicy _versionPolicy;
#endif

    private RequestSnapshot(HttpRequestMessage request)
    {
        _original = request;
        _method = request.Method;
        _uri = request.RequestUri;
        _version = request.Version;
#if NET5_0_OR_GREATER
        _versionPolicy = request.VersionPolicy;

        // NonValidated: the values as they were added (the generated code adds text), without parsing them.
        var headers = request.Headers.NonValidated;
        _headers = new KeyValuePair<string, object>[headers.Count];
        var i = 0;
        foreach (var header in headers)
        {
            _headers[i++] = new KeyValuePair<string, object>(header.Key, header.Value.Count == 1 ? header.Value.ToString() : ToArray(header.Value));
        }
#else
        var headers = new List<KeyValuePair<string, object>>();
        foreach (var header in request.Headers)
        {
            headers.Add(new KeyValuePair<string, object>(header.Key, new List<string>(header.Value).ToArray()));
        }

        _headers = headers.ToArray();
#endif
    }

    private static string[] ToArray(IEnumerable<string> values) => new List<string>(values).ToArray();

    /// <summary>The request as it stands now, before it is sent.</summary>
    public static RequestSnapshot Take(HttpRequestMessage request) => new(request);

    /// <summary>
    /// A new message equal to the snapshot. It shares the original's content, which stays owned (and disposed) by the
    /// original: a content built from bytes, as every generated body is, can be sent any number of times. With
    /// <paramref name="borrowContent"/> the message gets a wrapper that sends the original's bytes and is disposed alone.
    /// </summary>
    public HttpRequestMessage Create(bool borrowContent = ContentDisposedWhenSent)
    {
        var content = _original.Content;
        var message = new HttpRequestMessage(_method, _uri)
        {
            Version = _version,
            Content = borrowContent && content is not null ? new BorrowedContent(content) : content,
        };
        // Options are settings of the request, not of one attempt: the original's, as they are now. (Reading them is
        // left to the retry because the first read allocates them.)
#if NET5_0_OR_GREATER
        message.VersionPolicy = _versionPolicy;
        var options = (IDictionary<string, object?>)message.Options;
        foreach (var option in _original.Options)
        {
            options[option.Key] = option.Value;
        }
#else
        foreach (var property in _original.Properties)
        {
            message.Properties[property.Key] = property.Value;
        }
#endif

        foreach (var header in _headers)
        {
            if (header.Value is string value)
            {
                message.Headers.TryAddWithoutValidation(header.Key, value);
            }
            else
            {
                message.Headers.TryAddWithoutValidation(header.Key, (string[])header.Value);
            }
        }

        return message;
    }

    /// <summary>Sends another content's bytes and headers, and leaves that content undisposed.</summary>
    private sealed class BorrowedContent : HttpContent
    {
        private readonly HttpContent _content;

        public BorrowedContent(HttpContent content)
        {
            _content = content;
            foreach (var header in content.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        protected override Task SerializeToStreamAsync(System.IO.Stream stream, System.Net.TransportContext? context) =>
            _content.CopyToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = _content.Headers.ContentLength ?? -1;
            return length >= 0;
        }
    }
}
