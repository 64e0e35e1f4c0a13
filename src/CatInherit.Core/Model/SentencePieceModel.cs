using System.Text;

namespace CatInherit.Model;

/// <summary>
/// Writes a SentencePiece <c>ModelProto</c> (sentencepiece_model.proto) for a Unigram vocabulary, so that
/// <see cref="Microsoft.ML.Tokenizers.SentencePieceTokenizer"/> can run a tokenizer.json's Unigram model. Only the fields
/// that tokenization reads are written: the pieces (text, score, type), the trainer's model type and unknown id, and the
/// normalizer (precompiled charsmap, dummy prefix, extra whitespace, whitespace escaping).
/// </summary>
internal static class SentencePieceModel
{
    private const int Normal = 1;
    private const int Unknown = 2;
    private const int Control = 3;
    private const int UnigramType = 1;

    public static byte[] Write(IReadOnlyList<(string Piece, double Score)> pieces, int unkId, IReadOnlySet<int> controlIds, byte[]? charsmap, bool addDummyPrefix, bool removeExtraWhitespaces)
    {
        using var output = new MemoryStream();
        for (var i = 0; i < pieces.Count; i++)
        {
            var piece = new MemoryStream();
            String(piece, 1, pieces[i].Piece);
            Tag(piece, 2, 5);
            piece.Write(BitConverter.GetBytes((float)pieces[i].Score));
            Varint(piece, 3, i == unkId ? Unknown : controlIds.Contains(i) ? Control : Normal);
            Message(output, 1, piece);
        }

        var trainer = new MemoryStream();
        Varint(trainer, 3, UnigramType);
        Varint(trainer, 4, pieces.Count);
        Varint(trainer, 40, unkId);
        // No beginning or end of sentence is emitted (the post-processor adds special tokens), but the reader indexes both ids.
        Varint(trainer, 41, Math.Max(unkId, 0));
        Varint(trainer, 42, Math.Max(unkId, 0));
        Varint(trainer, 43, -1);
        Message(output, 2, trainer);

        var normalizer = new MemoryStream();
        String(normalizer, 1, charsmap is null ? "identity" : "nmt_nfkc");
        if (charsmap is not null)
        {
            Bytes(normalizer, 2, charsmap);
        }

        Varint(normalizer, 3, addDummyPrefix ? 1 : 0);
        Varint(normalizer, 4, removeExtraWhitespaces ? 1 : 0);
        Varint(normalizer, 5, 1);
        Message(output, 3, normalizer);
        return output.ToArray();
    }

    private static void Tag(Stream stream, int field, int wireType) => Raw(stream, (ulong)((field << 3) | wireType));

    private static void Varint(Stream stream, int field, long value)
    {
        Tag(stream, field, 0);
        Raw(stream, unchecked((ulong)value));
    }

    private static void String(Stream stream, int field, string value) => Bytes(stream, field, Encoding.UTF8.GetBytes(value));

    private static void Bytes(Stream stream, int field, byte[] value)
    {
        Tag(stream, field, 2);
        Raw(stream, (ulong)value.Length);
        stream.Write(value);
    }

    private static void Message(Stream stream, int field, MemoryStream message) => Bytes(stream, field, message.ToArray());

    private static void Raw(Stream stream, ulong value)
    {
        while (value >= 0x80)
        {
            stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        stream.WriteByte((byte)value);
    }
}
