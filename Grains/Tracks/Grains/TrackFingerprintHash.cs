using System.Security.Cryptography;
using System.Text;

namespace PiiOrleans.Grains.Tracks.Grains;

/// <summary>Spec §6.1: lower-case hex SHA-256 of UTF-8 <c>topic_id + "\0" + text</c>.</summary>
internal static class TrackFingerprintHash
{
    public static string Compute(string topicId, string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(topicId + "\0" + text)));
}
