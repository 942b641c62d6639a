namespace Plivo.Generated.Testing;

/// <summary>A list's <c>limit</c>/<c>offset</c>, and the <c>meta</c> of its page as Plivo writes it: next and previous as paths, null at either end.</summary>
internal static class Paging
{
    /// <summary>The query's limit (default 20) and offset (default 0), or Plivo's 400 when either is out of range.</summary>
    public static bool TryRead(SandboxCall call, out int limit, out int offset, out SandboxAnswer? problem)
    {
        problem = null;
        offset = 0;
        if (!call.TryQueryInt("limit", PlivoFormats.MaxPageSize, PlivoFormats.MinPageSize, PlivoFormats.MaxPageSize, out limit)
            || !call.TryQueryInt("offset", PlivoFormats.MinOffset, PlivoFormats.MinOffset, int.MaxValue, out offset))
        {
            problem = SandboxCall.Error(400, $"limit must be between {PlivoFormats.MinPageSize} and {PlivoFormats.MaxPageSize} and offset {PlivoFormats.MinOffset} or more");
            return false;
        }

        return true;
    }

    public static ListMeta Meta(string path, int limit, int offset, int total)
    {
        // long: offset + limit must not overflow at the largest offsets.
        var next = (long)offset + limit;
        var previous = System.Math.Max(0L, (long)offset - limit);
        return new ListMeta
        {
            Limit = limit,
            Next = next < total ? $"{path}?limit={limit}&offset={next}" : null,
            Offset = offset,
            Previous = offset > 0 ? $"{path}?limit={limit}&offset={previous}" : null,
            TotalCount = total,
        };
    }
}
