// Placeholder entry point; replaced by the silo host (issue 2).
return 0;
