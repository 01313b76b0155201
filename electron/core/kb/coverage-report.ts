/** Coverage of the register over every decree of the catalogue (goal: 0 unexplained, 0 unresolved). */
import { coverageOf, coverageWithoutText, type CoverageRow } from '../legal/coverage';
import { dataDir, repoRoot } from '../paths';
import { defaultSources } from './ensure';
import { gatherInputs } from './inputs';

export async function coverageReport(log?: (m: string) => void, root = repoRoot()): Promise<CoverageRow[]> {
  const inputs = await gatherInputs({ dataDir: dataDir(root), sources: defaultSources(root), ...(log ? { log } : {}) });
  return inputs.documents.map((doc) => {
    const parsed = inputs.texts.get(doc.number);
    const register = inputs.registers.get(doc.number);
    return parsed && register ? coverageOf(parsed, register) : coverageWithoutText(doc.number, doc.records);
  });
}
