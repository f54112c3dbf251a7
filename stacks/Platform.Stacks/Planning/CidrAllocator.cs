using System.Buffers.Binary;
using System.Net;

namespace Platform.Stacks.Planning;

/// <summary>
/// Carves aligned IPv4 blocks out of a parent range, first fit from the start, skipping ranges already
/// reserved or allocated. Requesting the largest blocks first leaves no gaps.
/// </summary>
public sealed class CidrAllocator
{
    private readonly IPNetwork _parent;
    private readonly List<IPNetwork> _taken = [];

    /// <summary>Creates an allocator over <paramref name="parent"/>.</summary>
    public CidrAllocator(IPNetwork parent)
    {
        _parent = parent;
    }

    /// <summary>Marks a range as used (an explicitly configured one) so allocations avoid it.</summary>
    public void Reserve(IPNetwork network) => _taken.Add(network);

    /// <summary>Allocates the next free block of the given prefix length, or null when the parent is full.</summary>
    public IPNetwork? Allocate(int prefixLength)
    {
        if (prefixLength < _parent.PrefixLength || prefixLength > 32)
        {
            return null;
        }

        var size = 1UL << (32 - prefixLength);
        var end = Start(_parent) + Size(_parent);
        var candidate = Start(_parent);
        while (candidate + size <= end)
        {
            var network = new IPNetwork(ToAddress(candidate), prefixLength);
            var clashIndex = _taken.FindIndex(t => Overlap(t, network));
            if (clashIndex < 0)
            {
                _taken.Add(network);
                return network;
            }

            var clash = _taken[clashIndex];
            candidate = Align(Math.Max(candidate + size, Start(clash) + Size(clash)), size);
        }

        return null;
    }

    /// <summary>True when two ranges share any address.</summary>
    public static bool Overlap(IPNetwork a, IPNetwork b) => a.Contains(b.BaseAddress) || b.Contains(a.BaseAddress);

    /// <summary>The number of addresses in a range.</summary>
    public static ulong Size(IPNetwork network) => 1UL << (32 - network.PrefixLength);

    /// <summary>The smallest prefix length whose block holds at least <paramref name="addresses"/> addresses.</summary>
    public static int PrefixFor(ulong addresses)
    {
        var prefix = 32;
        while (prefix > 0 && (1UL << (32 - prefix)) < addresses)
        {
            prefix--;
        }

        return prefix;
    }

    private static ulong Start(IPNetwork network) => BinaryPrimitives.ReadUInt32BigEndian(network.BaseAddress.GetAddressBytes());

    private static ulong Align(ulong value, ulong size) => (value + size - 1) / size * size;

    private static IPAddress ToAddress(ulong value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)value);
        return new IPAddress(bytes);
    }
}
