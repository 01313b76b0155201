/** Coverage of the register over every decree of the catalogue (issue: 0 unexplained, 0 unresolved). */
import { coverageOf, type CoverageRow } from '../legal/coverage';
import { dataDir, repoRoot } from '../paths';
import { defaultSources } from './ensure';
import { gatherInputs } from './inputs';

export async function coverageReport(log?: (m: string) => void, root = repoRoot()): Promise<CoverageRow[]> {
  const inputs = await gatherInputs({ dataDir: dataDir(root), sources: defaultSources(root), ...(log ? { log } : {}) });
  return inputs.documents.map((doc) => {
    const parsed = inputs.texts.get(doc.number);
    const register = inputs.registers.get(doc.number);
    if (parsed && register) return coverageOf(parsed, register);
    return {
      document: doc.number,
      textLoaded: false,
      authorityClauses: 0,
      records: doc.records,
      unexplained: 0,
      unresolvedCitations: 0,
      excluded: [],
    } as CoverageRow;
  });
}
