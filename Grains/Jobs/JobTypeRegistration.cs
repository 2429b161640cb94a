namespace PiiOrleans.Grains.Jobs;

/// <summary>Associates a job type name (as in <c>POST /jobs {"type": ...}</c>) with its runner class. Register with DI as a singleton.</summary>
public sealed record JobTypeRegistration(string Name, Type RunnerType, string Description);
