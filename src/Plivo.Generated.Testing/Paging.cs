namespace Plivo.Generated.Testing;

/// <summary>The <c>meta</c> of a list page, as Plivo writes it: next and previous as paths, null at either end.</summary>
internal static class Paging
{
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
