using System.Runtime.InteropServices;

namespace PiiOrleans.Pii.Onnx;

/// <summary>
/// Finds and loads the native ONNX Runtime library (<c>libonnxruntime.so.1</c>) by full path: next to the assembly,
/// then <c>.native/onnxruntime/</c> in the directory tree above it, then the file named by <c>PIIORLEANS_ONNXRUNTIME</c>.
/// </summary>
public static class OnnxRuntimeLibrary
{
    /// <summary>The environment variable that may name the native library file.</summary>
    public const string EnvironmentVariable = "PIIORLEANS_ONNXRUNTIME";

    /// <summary>The file name of the native library on Linux (there is no unversioned name in the package).</summary>
    public const string FileName = "libonnxruntime.so.1";

    private static readonly Lock Gate = new();
    private static nint handle;

    /// <summary>Where the library was loaded from, or null before the first load.</summary>
    public static string? LoadedPath { get; private set; }

    /// <summary>The candidate paths, in search order.</summary>
    public static IReadOnlyList<string> CandidatePaths()
    {
        var paths = new List<string>();
        var assemblyDir = Path.GetDirectoryName(typeof(OnnxRuntimeLibrary).Assembly.Location);
        var baseDir = string.IsNullOrEmpty(assemblyDir) ? AppContext.BaseDirectory : assemblyDir;
        paths.Add(Path.Combine(baseDir, FileName));
        for (var dir = new DirectoryInfo(baseDir); dir is not null; dir = dir.Parent)
        {
            paths.Add(Path.Combine(dir.FullName, ".native", "onnxruntime", FileName));
        }

        var fromEnv = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            paths.Add(Path.GetFullPath(fromEnv));
        }

        return paths;
    }

    /// <summary>Loads the library once and returns its handle; throws <see cref="OnnxRuntimeException"/> when absent.</summary>
    public static nint Load()
    {
        lock (Gate)
        {
            if (handle != 0)
            {
                return handle;
            }

            var candidates = CandidatePaths();
            foreach (var path in candidates)
            {
                if (!File.Exists(path))
                {
                    continue;
                }

                try
                {
                    handle = NativeLibrary.Load(path);
                    LoadedPath = path;
                    return handle;
                }
                catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
                {
                    throw new OnnxRuntimeException(
                        $"ONNX Runtime at '{path}' could not be loaded ({e.Message}). Run 'bash scripts/setup.sh' to fetch a "
                        + $"working copy, or point {EnvironmentVariable} at a libonnxruntime.so.1 for this platform.", e);
                }
            }

            throw new OnnxRuntimeException(
                $"ONNX Runtime ({FileName}) was not found. Looked next to the application, in .native/onnxruntime/ of every "
                + $"parent directory and in {EnvironmentVariable}. Run 'bash scripts/setup.sh' in the repository, or set "
                + $"{EnvironmentVariable} to the library's full path.");
        }
    }
}
