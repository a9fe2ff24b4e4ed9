import { defineRule } from '../core/rule.js';
import { isHeadedReport, isOralReport } from '../core/psr-format.js';
import type { Block } from '../core/document.js';
import type { SectionId } from '../core/types.js';
import { SECTION_IDS } from '../core/types.js';
import { compileLexicon } from '../core/lexicon.js';

const TITLES: Record<SectionId, string> = {
  sources: 'Sources of information',
  'offence-analysis': 'Offence analysis',
  'behaviour-lifestyle': 'Circumstances, behaviour and lifestyle',
  'risk-analysis': 'Risk analysis',
  'sentencing-proposal': 'Sentencing proposal',
};
const PROMPTS: Record<SectionId, string> = {
  sources: '[Which sources did you use — interview, CPS papers, previous convictions, checks with police and children’s services, others?]',
  'offence-analysis': '[What happened, why, and what does the person say about it? Pattern of offending and response to supervision.]',
  'behaviour-lifestyle': '[Accommodation, relationships, work, finance, health, substance use, personal characteristics and how they bear on the offending.]',
  'risk-analysis': '[Risk of serious harm: to whom, what harm, when it is most likely; likelihood of reoffending; risk and protective factors.]',
  'sentencing-proposal': '[Proposal and rationale, alternatives considered, impact on dependants.]',
};
/** Content that shows a section's substance is there under another name. */
const CONTENT = compileLexicon('structure-content', {
  'risk-analysis': ['risk of serious harm', '=RoSH', '=ROSH', 'risk of harm', 'likelihood of reoffending', 'likelihood of proven reoffending', 'risk of reoffending', '=OGRS', '=OVP', '=RSR'],
  'sentencing-proposal': ['propose', 'proposal', 'proposed', 'recommend', 'recommendation', 'i would suggest', 'invite the court', 'the court may wish'],
});
/** Headings or labels that belong to a section under another name ("Accommodation:", "Health"). */
const TOPICS: Partial<Record<SectionId, RegExp>> = {
  'offence-analysis': /\b(?:offen[cs]es?|offending|what happened|index)\b/i,
  'behaviour-lifestyle':
    /\b(?:accommodation|housing|employment|education|training|relationships?|financ\w*|family|health|lifestyle|background|personal|history|diversity|substance|alcohol|drugs?|thinking|trauma|associates|circumstances)\b/i,
};

/** Writes the heading in the style the report already uses: markdown, bold, or capitals. */
function heading(style: Block | undefined, id: SectionId): string {
  const title = TITLES[id];
  if (!style) return title;
  const md = /^(#{1,6})\s/.exec(style.text);
  if (md) return `${md[1]} ${title}`;
  if (/^\*\*.*\*\*$/.test(style.text.trim())) return `**${title}**`;
  const words = style.heading ?? style.text;
  if (words === words.toUpperCase() && /[A-Z]/.test(words)) return title.toUpperCase();
  return title;
}

export default defineRule({
  meta: {
    id: 'structure-missing-sections',
    category: 'structure',
    severity: 'warning',
    description: 'A written PSR with section headings that lacks one of the expected sections (sources, offence analysis, circumstances, risk analysis, proposal); an oral report with no proposal.',
    why: 'The court relies on each part: a report without a risk analysis or a proposal leaves the sentencer without the advice it asked for.',
    standard: 'MoJ digital pre-sentence report service (section structure); HMIP PSR quality bulletins (2020, 2024)',
    url: 'https://www.justiceinspectorates.gov.uk/hmiprobation/research/',
    kinds: ['psr'],
    fixable: true,
    examples: {
      invalid: [
        {
          text: 'PRE-SENTENCE REPORT\n\nSOURCES OF INFORMATION\n\nInterview; CPS papers; PNC.\n\nOFFENCE ANALYSIS\n\nHe took £50 from the till.\n\nPERSONAL CIRCUMSTANCES\n\nHe lives with his mother.\n\nSENTENCING PROPOSAL\n\nA community order.',
          flags: 'SENTENCING PROPOSAL',
        },
      ],
      valid: [
        {
          text: 'PRE-SENTENCE REPORT\n\nSOURCES OF INFORMATION\n\nInterview; CPS papers; PNC.\n\nOFFENCE ANALYSIS\n\nHe took £50 from the till.\n\nPERSONAL CIRCUMSTANCES\n\nHe lives with his mother.\n\nRISK ANALYSIS\n\nLow risk of serious harm to the public: no violence in his history.\n\nSENTENCING PROPOSAL\n\nA community order.',
        },
        { text: 'ORAL PSR — Court 2\n\nSeen in cells. Shop theft, pleads guilty.\n\nProposal: conditional discharge for 12 months.' },
      ],
    },
  },
  check({ doc, analysis, report }) {
    if (isOralReport(doc)) {
      const hasProposal =
        doc.blocks.some((b) => b.section === 'sentencing-proposal') || doc.hits(CONTENT).some((h) => h.group === 'sentencing-proposal');
      if (hasProposal) return;
      const last = doc.blocks[doc.blocks.length - 1];
      if (!last) return;
      report({
        start: last.start,
        end: last.end,
        message: 'This oral report has no sentencing proposal — what do you propose, and why?',
        prompts: ['Which sentence do you propose, with which requirements?', 'What alternatives did you consider?'],
        fix: { kind: 'replace', text: `${last.text}\n\nProposal: ${PROMPTS['sentencing-proposal']}` },
        data: { missing: ['sentencing-proposal'] },
      });
      return;
    }
    if (!isHeadedReport(doc)) return;
    const present = new Set(doc.sections.map((s) => s.id));
    // A section counts as present when its substance is there under another heading or in prose.
    const covered = new Set<SectionId>(present);
    if (analysis.sourcesStated || analysis.sourcesCited.some((c) => !c.external)) covered.add('sources');
    for (const h of doc.hits(CONTENT)) covered.add(h.group as SectionId);
    for (const b of doc.blocks) {
      const name = b.heading ?? b.label;
      if (!name) continue;
      for (const [id, re] of Object.entries(TOPICS)) if (re.test(name)) covered.add(id as SectionId);
    }
    const headingBlocks = doc.blocks.filter((b) => b.type === 'heading' && b.section);
    const style = headingBlocks[0];
    for (let i = 0; i < SECTION_IDS.length; i++) {
      const id = SECTION_IDS[i];
      if (covered.has(id)) continue;
      const skeleton = `${heading(style, id)}\n\n${PROMPTS[id]}`;
      const message = `There is no "${TITLES[id]}" section — is it covered elsewhere, or could it be added?`;
      // Anchor on the next section that is present, so the skeleton goes where the section belongs.
      const nextId = SECTION_IDS.slice(i + 1).find((x) => present.has(x));
      const next = nextId ? doc.sections.find((s) => s.id === nextId) : undefined;
      const nextBlock = next ? doc.blocks.find((b) => b.start === next.start) : undefined;
      if (nextBlock) {
        report({ start: nextBlock.start, end: nextBlock.end, message, fix: { kind: 'insert', text: `${skeleton}\n\n` }, data: { missing: [id] } });
      } else {
        const last = doc.blocks[doc.blocks.length - 1];
        report({ start: last.start, end: last.end, message, fix: { kind: 'replace', text: `${last.text}\n\n${skeleton}` }, data: { missing: [id] } });
      }
    }
  },
});
