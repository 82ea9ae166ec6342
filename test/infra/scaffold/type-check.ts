// Type errors in the given files only, checked against the whole program they import: the
// checker resolves what those files use without checking every other file's bodies, which
// keeps this to seconds where `tsc -p` over the repository takes a minute.
import { join } from 'node:path';
import ts from 'typescript';

export function typeErrors(root: string, files: string[]): string[] {
  const config = ts.readConfigFile(join(root, 'tsconfig.base.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const rootNames = files.map((f) => join(root, f));
  const program = ts.createProgram({ rootNames, options: { ...options, noEmit: true } });
  return rootNames.flatMap((file) => {
    const source = program.getSourceFile(file);
    if (!source) return [`${file}: not part of the program`];
    return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((d) => {
      const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
      const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
      return `${file.slice(root.length + 1)}${where ? `:${where.line + 1}` : ''}: ${text}`;
    });
  });
}
