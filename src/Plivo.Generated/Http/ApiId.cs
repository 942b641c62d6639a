using System;
using System.Text;

namespace Plivo.Generated.Http;

/// <summary>
/// Plivo's <c>api_id</c> in an answer: the string value of the top-level <c>"api_id"</c> of a JSON object, found by one
/// pass over the bytes (strings and nesting tracked, nothing built), so that a traced call does not parse its answer
/// twice. Anything else (not an object, no such key, a value that is not a plain string) is no api_id.
/// </summary>
internal static class ApiId
{
    private static readonly byte[] Key = Encoding.ASCII.GetBytes("api_id");

    public static string? Find(ArraySegment<byte> json)
    {
        var bytes = json.Array!;
        var end = json.Offset + json.Count;
        var depth = 0;
        var expectKey = false;
        for (var i = json.Offset; i < end; i++)
        {
            var b = bytes[i];
            switch (b)
            {
                case (byte)'{':
                    depth++;
                    expectKey = true;
                    break;
                case (byte)'[':
                    depth++;
                    expectKey = false;
                    break;
                case (byte)'}' or (byte)']':
                    depth--;
                    break;
                case (byte)',':
                    expectKey = true;
                    break;
                case (byte)'"':
                    var start = i + 1;
                    i = EndOfString(bytes, start, end);
                    if (i >= end)
                    {
                        return null;
                    }

                    if (depth == 1 && expectKey && i - start == Key.Length && Equal(bytes, start, Key))
                    {
                        return Value(bytes, i + 1, end);
                    }

                    expectKey = false;
                    break;
                default:
                    if (depth == 0 && b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                    {
                        return null; // not an object
                    }

                    break;
            }
        }

        return null;
    }

    // The index of the quote that closes the string starting at start (escapes skipped), or end.
    private static int EndOfString(byte[] bytes, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (bytes[i] == '\\')
            {
                i++;
            }
            else if (bytes[i] == '"')
            {
                return i;
            }
        }

        return end;
    }

    // After the key's closing quote: optional spaces, ':', optional spaces, then a string without escapes.
    private static string? Value(byte[] bytes, int i, int end)
    {
        i = SkipSpaces(bytes, i, end);
        if (i >= end || bytes[i] != ':')
        {
            return null;
        }

        i = SkipSpaces(bytes, i + 1, end);
        if (i >= end || bytes[i] != '"')
        {
            return null;
        }

        var close = EndOfString(bytes, i + 1, end);
        if (close >= end || Array.IndexOf(bytes, (byte)'\\', i + 1, close - i - 1) >= 0)
        {
            return null;
        }

        return Encoding.UTF8.GetString(bytes, i + 1, close - i - 1);
    }

    private static int SkipSpaces(byte[] bytes, int i, int end)
    {
        while (i < end && bytes[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i;
    }

    private static bool Equal(byte[] bytes, int start, byte[] key)
    {
        for (var k = 0; k < key.Length; k++)
        {
            if (bytes[start + k] != key[k])
            {
                return false;
            }
        }

        return true;
    }
}
