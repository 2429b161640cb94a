using Orleans;

// The pipeline libraries carry only Orleans' serialization attributes (no Orleans runtime); their serializers and
// copiers are generated here, where the grain interfaces that exchange their records live.
[assembly: GenerateCodeForDeclaringAssembly(typeof(PiiOrleans.Tables.CellValue))]
[assembly: GenerateCodeForDeclaringAssembly(typeof(PiiOrleans.Tracks.TrackFilePlan))]
