namespace Plivo.Generated;

/// <summary>
/// Json.NET's char buffers rented from <see cref="System.Buffers.ArrayPool{T}.Shared"/> instead of allocated for every
/// answer (the generated clients' readers use it; see spec/templates/Client.Class.ReadObjectResponse.liquid).
/// </summary>
internal sealed class JsonCharBuffers : Newtonsoft.Json.IArrayPool<char>
{
    public static readonly JsonCharBuffers Shared = new();

    private JsonCharBuffers()
    {
    }

    public char[] Rent(int minimumLength) =>
#if NETCOREAPP
        System.Buffers.ArrayPool<char>.Shared.Rent(minimumLength);
#else
        new char[minimumLength];
#endif

    public void Return(char[]? array)
    {
#if NETCOREAPP
        if (array is not null)
        {
            System.Buffers.ArrayPool<char>.Shared.Return(array);
        }
#endif
    }
}
