namespace PiiOrleans.Runtime;

/// <summary>A grain addressed by a string key (Orleans: <c>IGrainWithStringKey</c>).</summary>
public interface IGrainWithStringKey : IGrain;
