namespace LeadFunctions.Core.Randomness;

/// <summary>Chance, where Core needs it: waits spread out, values nobody may guess.</summary>
public interface IRandomSource
{
    /// <summary>A number from 0 up to, not including, 1.</summary>
    double NextDouble();

    /// <summary><paramref name="length"/> random lowercase hex digits.</summary>
    string NextHex(int length);
}
