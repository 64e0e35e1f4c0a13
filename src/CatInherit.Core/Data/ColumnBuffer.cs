namespace CatInherit.Data;

/// <summary>
/// A column's values while a file is read: fixed-size chunks, so growing never copies what was read, and
/// <see cref="ToArray"/> copies once into an array of the exact length (a list would copy at every doubling and
/// hold up to twice the column).
/// </summary>
internal sealed class ColumnBuffer<T>
    where T : unmanaged
{
    private const int ChunkLength = 1 << 16;
    private readonly List<T[]> chunks = [];
    private T[] current = [];
    private int used;

    public int Count { get; private set; }

    public void Add(T value)
    {
        if (used == current.Length)
        {
            current = new T[ChunkLength];
            chunks.Add(current);
            used = 0;
        }

        current[used++] = value;
        Count++;
    }

    /// <summary>Takes back the last value added (a row that turned out unreadable).</summary>
    public void RemoveLast()
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("No value to remove.");
        }

        Count--;
        if (--used == 0 && chunks.Count > 0)
        {
            chunks.RemoveAt(chunks.Count - 1);
            current = chunks.Count > 0 ? chunks[^1] : [];
            used = current.Length;
        }
    }

    /// <summary>The values in order, in a new array; the chunks are released.</summary>
    public T[] ToArray()
    {
        var result = new T[Count];
        var at = 0;
        foreach (var chunk in chunks)
        {
            var length = Math.Min(chunk.Length, Count - at);
            chunk.AsSpan(0, length).CopyTo(result.AsSpan(at));
            at += length;
        }

        chunks.Clear();
        current = [];
        used = 0;
        return result;
    }
}
