using System;
using System.Globalization;
using System.Text;

namespace Plivo.Generated.Benchmarks;

/// <summary>
/// The <see cref="RawStubServer"/>'s whole answers (status line, headers and body), built once, and the choice between
/// them by method and path shape. Nothing here allocates per request.
/// </summary>
public static class StubAnswers
{
    public static readonly byte[] Add = Build(200, "OK", Fixtures.AddBytes);
    public static readonly byte[] Find = Add;
    public static readonly byte[] List = Build(200, "OK", Fixtures.ListBytes);
    public static readonly byte[] Powerpack = Build(200, "OK", Fixtures.PowerpackBytes);
    public static readonly byte[] PowerpackList = Build(200, "OK", Fixtures.PowerpackListBytes);
    public static readonly byte[] NumberList = Build(200, "OK", Fixtures.NumberListBytes);
    public static readonly byte[] Unauthorized = Build(401, "Unauthorized", Error("authentication failed"));
    public static readonly byte[] NotFound = Build(404, "Not Found", Error("not found"));

    /// <summary>For a request this server cannot read (chunked body, oversized head); the connection is closed after it.</summary>
    public static readonly byte[] BadRequest = Build(400, "Bad Request", Error("bad request"));

    private static readonly byte[] AccountPrefix = Encoding.ASCII.GetBytes("/v1/Account/" + Fixtures.AuthId + "/");

    /// <summary>
    /// POST .../NumberPool/{uuid}/Tollfree/{number}/ is an add, GET of the same a find, GET .../NumberPool/{uuid}/Tollfree/
    /// (any query) a list, GET .../NumberPool/{uuid}/Number/ a numbers page, GET .../Powerpack/{uuid}/ a Powerpack, GET
    /// .../Powerpack/ a page of Powerpacks; anything else under the account, or elsewhere, is a 404.
    /// </summary>
    public static byte[] Choose(ReadOnlySpan<byte> method, ReadOnlySpan<byte> target)
    {
        if (!target.StartsWith(AccountPrefix))
        {
            return NotFound;
        }

        var rest = target[AccountPrefix.Length..];
        var queryAt = rest.IndexOf((byte)'?');
        var path = queryAt < 0 ? rest : rest[..queryAt];
        var hasQuery = queryAt >= 0;
        var isGet = method.SequenceEqual("GET"u8);
        var isPost = method.SequenceEqual("POST"u8);

        if (path.StartsWith("NumberPool/"u8))
        {
            path = path["NumberPool/"u8.Length..];
            if (SkipSegment(ref path) && path.SequenceEqual("Number/"u8))
            {
                return isGet ? NumberList : NotFound;
            }

            if (!path.StartsWith("Tollfree/"u8))
            {
                return NotFound;
            }

            path = path["Tollfree/"u8.Length..];
            if (path.IsEmpty)
            {
                return isGet ? List : NotFound;
            }

            if (!SkipSegment(ref path) || !path.IsEmpty || hasQuery)
            {
                return NotFound;
            }

            return isPost ? Add : isGet ? Find : NotFound;
        }

        if (path.StartsWith("Powerpack/"u8))
        {
            path = path["Powerpack/"u8.Length..];
            if (path.IsEmpty)
            {
                return isGet ? PowerpackList : NotFound;
            }

            return isGet && !hasQuery && SkipSegment(ref path) && path.IsEmpty ? Powerpack : NotFound;
        }

        return NotFound;
    }

    /// <summary>Skips one non-empty path segment and its closing '/'; false if there is none.</summary>
    private static bool SkipSegment(ref ReadOnlySpan<byte> path)
    {
        var slash = path.IndexOf((byte)'/');
        if (slash <= 0)
        {
            return false;
        }

        path = path[(slash + 1)..];
        return true;
    }

    private static byte[] Error(string message) =>
        Encoding.UTF8.GetBytes($$"""{"api_id":"00000000-0000-0000-0000-000000000000","error":"{{message}}"}""");

    private static byte[] Build(int status, string reason, byte[] body)
    {
        var head = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n"));
        var answer = new byte[head.Length + body.Length];
        head.CopyTo(answer, 0);
        body.CopyTo(answer, head.Length);
        return answer;
    }
}
