// One row per class of error seen on unseen papers (issue: extraction on papers it has never
// seen), with sentences written for this test: every name here is invented, so no rule or
// lexicon entry can know it; the type and role must come from the sentence and the name's shape.
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../../src/extract/index.js';
import type { EntityType, Role } from '../../../src/extract/types.js';
import { loadLexicon, loadScorerWeights } from '../../../src/lexicon/load.js';

const ex = createExtractor(loadLexicon(), loadScorerWeights());

interface Row {
  klass: string;
  title?: string;
  abstract: string;
  expect: Array<[name: string, type: EntityType, role?: Role]>;
  /** Phrases that must not come out as entities of any type. */
  absent?: string[];
  /** [entity name, a spelling that must not be among its aliases]. */
  notAliases?: Array<[name: string, alias: string]>;
  /** [entity name, the family it must link to]. */
  families?: Array<[name: string, family: string]>;
}

const ROWS: Row[] = [
  { klass: 'unknown new model name with a size suffix -> model, proposes', abstract: 'We present Quillo-7B, a new open language model for household planning. It outperforms strong baselines.', expect: [['Quillo-7B', 'model', 'proposes']] },
  { klass: 'unknown new benchmark -> dataset, proposes', abstract: 'We release the Marrowbench benchmark, a collection of 4,000 sorting puzzles, and evaluate ten systems on it.', expect: [['Marrowbench', 'dataset', 'proposes']] },
  { klass: 'descriptive phrases -> nothing', abstract: 'We use a flexible transformer and pretrained language models. Our approach relies on the proposed framework.', expect: [], absent: ['flexible transformer', 'pretrained language models', 'proposed framework', 'approach'] },
  { klass: '"named X" -> proposes', abstract: 'We develop an assistant named Tobble that answers questions about tax forms.', expect: [['Tobble', 'model', 'proposes']] },
  { klass: '"we introduce X, a <system noun>" -> model, proposes', abstract: 'We introduce Kestrel, a parser for legal text, and evaluate it on dependency parsing.', expect: [['Kestrel', 'model', 'proposes']] },
  { klass: '"compare with X" -> compares_with', abstract: 'We fine-tune ResNet-50 on ImageNet and compare with ViT-B/16 under the same budget.', expect: [['ResNet-50', 'model', 'uses'], ['ImageNet', 'dataset', 'evaluates_on'], ['ViT-B/16', 'model', 'compares_with']] },
  { klass: '"X, our new <system noun>, ..." at the start of a sentence -> model, proposes', abstract: 'Plover, our new vision-language model, answers questions about kitchen scenes.', expect: [['Plover', 'model', 'proposes']] },
  { klass: 'an ordinary word as a name after a model verb -> model ("we fine-tune X")', abstract: 'We fine-tune Marten on the Otterbank corpus and test it on PebbleEval.', expect: [['Marten', 'model', 'uses'], ['Otterbank', 'dataset'], ['PebbleEval', 'dataset', 'evaluates_on']] },
  { klass: '"surpasses A and B" -> compares_with, both', abstract: 'Experiments on Quarry-3D and TideSet show that our approach surpasses Ostrich and Moth-2.', expect: [['Quarry-3D', 'dataset', 'evaluates_on'], ['TideSet', 'dataset', 'evaluates_on'], ['Ostrich', 'model', 'compares_with'], ['Moth-2', 'model', 'compares_with']] },
  { klass: '"compared with X, our model ..." -> compares_with, not proposes', abstract: 'Compared with Skylark, our model reduces latency by half.', expect: [['Skylark', 'model', 'compares_with']] },
  { klass: '"we build on X" / "building upon X" -> uses, not proposes', abstract: 'We build on Larkspur and adapt it to tables. Building upon the Wren architecture, we design a lighter encoder.', expect: [['Larkspur', 'model', 'uses'], ['Wren', 'model', 'uses']] },
  { klass: 'the last name of an enumeration is a name too', abstract: 'We evaluate Corvid-8B, Corvid-70B and Heron on three reasoning suites.', expect: [['Corvid-8B', 'model'], ['Corvid-70B', 'model'], ['Heron', 'model']] },
  { klass: 'a capitalised word that modifies a noun is not a name ("English text")', abstract: 'Most encoders are pretrained on English text, and a verb after a name ends it: Thistle relies on features.', expect: [], absent: ['english', 'thistle relies'] },
  { klass: '"named X" after a proposal verb -> proposes, even when a list knows the name', abstract: 'We develop an instruction-following assistant named Alpaca for legal drafting.', expect: [['Alpaca', 'model', 'proposes']] },
  { klass: '"we propose Long Form (LF)" -> proposes; the name after "framework --" too', abstract: 'We propose Gated Orbit Mixing (GOM), a regularizer for sparse models. We also introduce a pruning framework -- Staged Lattice Pruning (SLP), designed for edge devices.', expect: [['GOM', 'method', 'proposes'], ['SLP', 'method', 'proposes']] },
  { klass: '"our novel X framework" -> proposes', abstract: 'The encoder is pretrained using our novel cross-view distillation framework on unlabeled scans.', expect: [['cross-view distillation', 'method', 'proposes']] },
  { klass: '"the task of X" names a task, up to its boundary', abstract: 'We study the task of receipt grounding, where a model links text to regions, and the problem of learning a policy.', expect: [['receipt grounding', 'task']], absent: ['learning', 'learning a policy'] },
  { klass: 'a lower-case measure with a metric head -> metric', abstract: 'Our recogniser lowers the word error rate by 12% on two corpora of telephone speech.', expect: [['word error rate', 'metric']] },
  { klass: 'an unlisted technique term (classifying noun + technique head) -> method', abstract: 'We apply anchor distillation to a smaller student and use pretraining on code.', expect: [['anchor distillation', 'method'], ['pretraining', 'method']] },
  {
    klass: 'a technique noun after an object, a description or a verb, or before "rate", is not a term',
    abstract: 'Model training takes two days with an efficient tuning scheme, and the learning rate is halved. Machine learning has grown. We show that such signals can boost optimization and support learning.',
    expect: [],
    absent: ['model training', 'efficient tuning', 'learning rate', 'machine learning', 'boost optimization', 'support learning', 'learning', 'training', 'tuning'],
  },
  { klass: 'an unknown name with a release tier or a glued version -> model', abstract: 'We compare Brindle_LARGE and Sparrowv3 on long documents.', expect: [['Brindle_LARGE', 'model'], ['Sparrowv3', 'model']] },
  { klass: '"we propose a <technique> strategy" -> the technique, proposes (the generic noun left out)', abstract: 'To fix this, we propose an iterative anchored fine-tuning strategy that guides the model.', expect: [['iterative anchored fine-tuning', 'method', 'proposes']], absent: ['iterative anchored fine-tuning strategy'] },
  { klass: 'an unlisted task: what is detected/classified + a task head -> task; a description or a measure is not', abstract: 'We study burrow detection in drone video and lichen classification from close-up photos. Accurate detection matters, and the detection rate doubles.', expect: [['burrow detection', 'task'], ['lichen classification', 'task']], absent: ['accurate detection', 'detection'] },
  { klass: 'a lower-case tier word after a size is a description, not part of the name', abstract: 'We fine-tune the Corvid-13b base language model on kelp surveys.', expect: [['Corvid-13b', 'model', 'uses']], absent: ['corvid-13b base'] },
  {
    klass: 'an acronym the paper spells out otherwise than the list is the paper\'s own (no list aliases); a described class with an acronym is no name',
    abstract: 'We propose Fused Patch Network (FPN), a detector for aerial scenes. We also introduce Relational Lifting (RL) for query plans. FPN runs on a phone and RL halves planning time, unlike lightweight neural networks (LNNs).',
    expect: [['FPN', 'model', 'proposes'], ['RL', 'method', 'proposes']],
    notAliases: [['FPN', 'feature pyramid network'], ['RL', 'reinforcement learning']],
    absent: ['lnn', 'lightweight neural networks'],
  },
  { klass: 'a sized variant of the paper\'s own proposal is proposed too, whatever its sentence\'s verb', abstract: 'We introduce Tarnet, a detector for river debris. A deeper Tarnet-152 surpasses Skiffnet on two benchmarks.', expect: [['Tarnet', 'model', 'proposes'], ['Tarnet-152', 'model', 'proposes'], ['Skiffnet', 'model', 'compares_with']] },
  {
    klass: 'an evaluative word before a listed technique or task is no part of its name',
    abstract: 'We apply high-throughput knowledge distillation to a state-of-the-art image captioning system and study reliable speech recognition on meaningful sentiment analysis.',
    expect: [['knowledge distillation', 'method'], ['image captioning', 'task'], ['speech recognition', 'task'], ['sentiment analysis', 'task']],
    absent: ['high-throughput knowledge distillation', 'state-of-the-art image captioning', 'reliable speech recognition', 'meaningful sentiment analysis'],
  },
  {
    klass: 'an institution is no entity (a name after "at", an acronym for a laboratory); an opening adverb is no name',
    abstract: 'The study was carried out at Brackenfield and at the Harrow Signal Laboratory (HSL). Consequently, the corpus covers two dialects. HSL also released Wickerbench, a benchmark for tide tables.',
    expect: [['Wickerbench', 'dataset']],
    absent: ['brackenfield', 'hsl', 'harrow signal laboratory', 'consequently'],
  },
  {
    klass: '"we propose A, a <system>, and B, a <system>" -> both proposed; names after a verb of their own are not',
    abstract: 'We propose Gannet, a retriever for legal search, and Skua, a reranker for long contracts. Gannet is built on Dorado and Pomfret.',
    expect: [['Gannet', 'model', 'proposes'], ['Skua', 'model', 'proposes'], ['Dorado', 'model', 'uses'], ['Pomfret', 'model', 'uses']],
  },
  {
    klass: 'a capitalised word right after a proposal verb is a name; a reference to a part of the paper is not',
    abstract: 'We further propose Wrasse, which halves decoding time. Section 4 describes Wrasse in detail, and Table 2 lists its settings.',
    expect: [['Wrasse', 'method', 'proposes']],
    absent: ['section 4', 'table 2'],
  },
  { klass: 'more task heads: what is transcribed, localised, verified, linked, ... + its head -> task', abstract: 'We study ledger transcription and beacon localization, and we report on signature verification. Transcription alone is hard.', expect: [['ledger transcription', 'task'], ['beacon localization', 'task'], ['signature verification', 'task']], absent: ['transcription'] },
  { klass: 'extraction, estimation, resolution, ... after what a task acts on -> task; after a part of the model or a measure -> nothing', abstract: 'We study glyph extraction and valve pose estimation with ridge resolution. Feature extraction, gradient estimation and latency estimation are steps we use.', expect: [['glyph extraction', 'task'], ['valve pose estimation', 'task'], ['ridge resolution', 'task']], absent: ['feature extraction', 'gradient estimation', 'latency estimation'] },
  { klass: 'an acronym before "tasks" names a kind of task, not a method "X tasks"', abstract: 'Models are compared on text-to-motion (T2M) tasks.', expect: [['T2M', 'task']], absent: ['t2m tasks'] },
  { klass: 'a capitalised hyphen compound ("State-of-the-art", "Out-of-distribution") is one ordinary word, not a name cut at its tail', abstract: 'State-of-the-art ranking systems fail on Out-of-distribution queries.', expect: [], absent: ['state-of', 'out-of'] },
  { klass: '"the task of <modifier> <listed task>": the modifier names the specific task with it, never a task alone', abstract: 'We introduce the task of bilingual named entity recognition for ledgers and the task of noisy text-to-image generation for posters.', expect: [['bilingual named entity recognition', 'task'], ['noisy text-to-image generation', 'task']], absent: ['bilingual', 'noisy'] },
  { klass: 'a task phrase stops before a participle that opens a clause ("conditioned on ...")', abstract: 'We study the problem of kelp canopy segmentation conditioned on tide tables.', expect: [['kelp canopy segmentation', 'task']], absent: ['kelp canopy segmentation conditioned'] },
  { klass: 'an open compound adjective before a listed task is not cut to its noun: a technical one belongs to the name ("real time", "low resource"), a descriptive one does not ("large scale")', abstract: 'The archive offers large scale supervised question answering data, and we study real time object detection on drones and low resource machine translation.', expect: [['question answering', 'task'], ['real time object detection', 'task'], ['low resource machine translation', 'task']], absent: ['scale supervised question answering', 'time object detection', 'resource machine translation'] },
  { klass: 'a verb after an adverb is not a modifier of the listed name after it', abstract: 'Tree ensembles still largely dominate anomaly detection, so we deliberately frame contrastive learning as a ranking game.', expect: [['anomaly detection', 'task'], ['contrastive learning', 'method']], absent: ['dominate anomaly detection', 'frame contrastive learning'] },
  { klass: 'an amount ("less", "fewer") is not a kind of technique', abstract: 'The student needs less training and fewer learning steps than the teacher.', expect: [], absent: ['less training', 'fewer learning'] },
  { klass: 'a capitalised word right before a listed name modifies it, it is no name of its own', abstract: 'We summarise ledgers using Hierarchical Encoder-Decoder networks.', expect: [['Encoder-Decoder', 'method']], absent: ['hierarchical'] },
  { klass: 'a name may open with digits ("3DQuill"); a dimension or a resolution alone ("3D", "4K", "6DoF") is none', abstract: 'We present 3DQuill, a data-driven model for local descriptors, and evaluate it on 2KelpBench. Scenes are rendered in 3D at 4K, with 6DoF poses.', expect: [['3DQuill', 'model', 'proposes'], ['2KelpBench', 'dataset', 'evaluates_on']], absent: ['3d', '4k', '6dof'] },
  { klass: '"Long Form (LF) <task head>" names a task ("LF recognition"), not a method', abstract: 'We study facial Kelp Unit (KU) recognition in underwater videos.', expect: [['KU recognition', 'task']] },
  { klass: 'a relational adjective + a concrete task head names a task ("coastal segmentation"); before "understanding" or "generation" it may only describe', abstract: 'We study coastal segmentation and lexical tagging of harbour logs, aiming at broad understanding and fluent generation.', expect: [['coastal segmentation', 'task'], ['lexical tagging', 'task']], absent: ['broad understanding', 'fluent generation'] },
  { klass: 'a sized model and the title name it is sized from are one family, both models; a class of systems with a participle ("Preference-Tuned Language Models") is no model', title: 'Wren: Planning with Preference-Tuned Language Models', abstract: 'We introduce Wren-13B, an open model for household planning, and compare it with Instruction-Tuned Language Models.', expect: [['Wren', 'model', 'proposes'], ['Wren-13B', 'model', 'proposes']], families: [['Wren-13B', 'Wren']], absent: ['preference-tuned language models', 'instruction-tuned language models', 'instruction-tuned language'] },
  { klass: 'a listed name that opens with a determiner ("few shot learning") takes no modifier before it', abstract: 'We show that prompting helps few shot learning on ledgers.', expect: [['few shot learning', 'task']], absent: ['helps few shot learning'] },
  { klass: 'an enumeration ends at its "and" member: "On A, B and C, X matches ..." does not make X a dataset', abstract: 'We propose SkiffRAG, which learns when to read. On LoamSet, TideBank and ReedBench, SkiffRAG matches strong readers.', expect: [['SkiffRAG', 'method', 'proposes'], ['LoamSet', 'dataset', 'evaluates_on'], ['TideBank', 'dataset'], ['ReedBench', 'dataset']] },
  { klass: 'an acronym for a class of models joined from modalities ("text-to-video (T2V) models") is generic; "a 7B-parameter T2V" still makes a model', abstract: 'Text-to-video (T2V) models promise short films. We present Corvid, a 7B-parameter T2V trained on film clips.', expect: [['Corvid', 'model', 'proposes']], absent: ['t2v', 'text-to-video'] },
  { klass: '"measured by X", "in terms of X": X is a metric, whatever its head ("backward drift (BWD)")', abstract: 'Our method reduces forgetting, measured by backward drift (BWD), and we report results in terms of KelpScore.', expect: [['BWD', 'metric'], ['KelpScore', 'metric']] },
  { klass: 'a sized release keeps its tier in its name ("BERT-large", "RoBERTa-base"), linked to its family; "-based" stays an affix', abstract: 'We fine-tune BERT-large and RoBERTa-base with BERT-based features, and report mAP@0.5 at 45 FPS.', expect: [['BERT-large', 'model'], ['RoBERTa-base', 'model'], ['mAP@0.5', 'metric'], ['FPS', 'metric']], families: [['BERT-large', 'BERT'], ['RoBERTa-base', 'RoBERTa']], absent: ['bert-based'] },
  { klass: 'a list member after "and" ends its list even when the list was broken before it ("On A (dev split) and B, X raises ...")', abstract: 'We introduce SkiffRM, which regularizes margins. On BoolQ (dev split) and HellaSwag, SkiffRM raises accuracy from 74.1% to 79.5%.', expect: [['SkiffRM', 'method', 'proposes'], ['BoolQ', 'dataset', 'evaluates_on'], ['HellaSwag', 'dataset', 'evaluates_on']] },
  { klass: 'a measured gain ("by 1.8 dB", "to 31.5%") reports results: "On A and B, X improves ..." evaluates on A and B', abstract: 'We present ReedSplat. On KRX and QLT, ReedSplat improves PSNR by 1.8 dB over KelpNeRF.', expect: [['KRX', 'dataset', 'evaluates_on'], ['QLT', 'dataset', 'evaluates_on'], ['KelpNeRF', 'model', 'compares_with']] },
  { klass: 'a lettered variant ("KelpMixer-L") links to the title name it varies, whichever of the two the rules typed a model first', title: 'KelpMixer: Simple Patch Mixing for Forecasting', abstract: 'We propose KelpMixer-L, a lightweight forecaster. KelpMixer-L beats strong baselines.', expect: [['KelpMixer', 'model', 'proposes'], ['KelpMixer-L', 'model', 'proposes']], families: [['KelpMixer-L', 'KelpMixer']] },
  { klass: 'a name followed by a verb after a comma opens a clause, it does not join the list before it ("..., and on B, X reaches ...")', abstract: 'We propose FedKelp, which corrects client drift. On Fashion-MNIST with a skewed split and on KelpDigits, FedKelp reaches 80% accuracy.', expect: [['FedKelp', 'method', 'proposes'], ['Fashion-MNIST', 'dataset', 'evaluates_on'], ['KelpDigits', 'dataset', 'evaluates_on']] },
  { klass: 'the standard of a comparative is compared with ("fewer rounds than X", "faster than Y")', abstract: 'We propose FedKelp. It reaches 80% accuracy in 40% fewer rounds than SkiffAvg, and runs 5x faster than TideProx.', expect: [['SkiffAvg', 'method', 'compares_with'], ['TideProx', 'model', 'compares_with']] },
  { klass: 'a name that starts like a reference to the paper ("TabSkiff", "PartReed") is a name; an -s verb before a listed name is no modifier', abstract: 'Tabular deep learning still trails gradient-boosted trees. We present TabSkiff, a model pretrained on synthetic tables, and compare it with PartReed.', expect: [['TabSkiff', 'model', 'proposes'], ['PartReed', 'method']], absent: ['still trails gradient-boosted trees', 'trails gradient-boosted trees'] },
  { klass: 'a score keeps its "-score" ("QX-score"), and "measured by A and B" makes both metrics', abstract: 'We present FoldKelp, matching ReedFold on protein targets measured by QX-score and lKDT.', expect: [['QX-score', 'metric'], ['lKDT', 'metric']], absent: ['qx'] },
  { klass: '"a new <noun>, X" introduces X (proposes); a name past it that a verb follows is a clause subject, not a member', abstract: 'We propose CountKelp. On SkiffBench and a new counting benchmark, KelpCount-1K, CountKelp improves counting accuracy from 38% to 61%.', expect: [['CountKelp', 'method', 'proposes'], ['KelpCount-1K', 'dataset', 'proposes'], ['SkiffBench', 'dataset', 'evaluates_on']] },
  { klass: 'a title that opens with an adverb is a clause, not a name', title: 'Quietly Tuning Large Encoder Networks for Kelp Mapping', abstract: 'We map kelp forests from satellite images.', expect: [], absent: ['quietly tuning large encoder networks'] },
  { klass: 'an edition and a language pair after a listed dataset are part of its name ("X\'17 En-De", "X 2018 English-French"), linked to the base', abstract: "We evaluate on Multi30k'17 En-De and on Multi30k 2018 English-French.", expect: [["Multi30k'17 En-De", 'dataset', 'evaluates_on'], ['Multi30k 2018 English-French', 'dataset', 'evaluates_on']], families: [["Multi30k'17 En-De", 'Multi30k']] },
  {
    klass: 'a name reported with a value is a measure ("reaches 71.2 X", "a X of 0.67", "improves A by 4.8 points and B by 3.9 points"); systems improved over are not; hardware is no entity',
    abstract: 'We present KelpSpeech. It reaches 71.2 KQS on ReedTalk and a TSIM of 0.67, and it improves PhonF by 4.8 points and ReedErr by 3.9 points, improving over Sable-3 and Corvid-2 by 2.1 and 3.7 points with 8 A100 GPUs.',
    expect: [['KQS', 'metric', 'uses'], ['TSIM', 'metric', 'uses'], ['PhonF', 'metric', 'uses'], ['ReedErr', 'metric', 'uses'], ['ReedTalk', 'dataset', 'evaluates_on']],
    absent: ['a100'],
  },
  { klass: 'a listed acronym that the paper spells out as another listed entry is that entry ("masked autoencoders (MAE)" is no error measure)', abstract: 'We pretrain the encoder with masked autoencoders (MAE) on kelp photos, and MAE pretraining helps.', expect: [['MAE', 'method', 'uses']] },
  { klass: 'a margin before the next member does not end a comparison list ("outperforms A by 2 points and B by 1 point"); a clause after it does', abstract: 'We present KelpLM. KelpLM outperforms Sable-3 by 2 points and Corvid-2 by 1 point, and adding a gated tying (GT) layer yields further gains.', expect: [['Corvid-2', 'method', 'compares_with']] },
  {
    klass: 'results stated against another system compare with it ("above A and B", "matches X", "we compare ours with Y", "the gap to Z"); a version after a listed name is part of it ("SimSiam v2")',
    abstract: 'We present KelpCLR. On ReedSet, KelpCLR reaches 71.5% accuracy, above BYOL and SwAV, and it matches the much larger Corvid-9. We compare KelpCLR with SimSiam v2, and we compare existing methods with our kelp pretraining. It closes the gap to the supervised Sable-3.',
    expect: [['BYOL', 'method', 'compares_with'], ['SwAV', 'method', 'compares_with'], ['Corvid-9', 'method', 'compares_with'], ['SimSiam v2', 'method', 'compares_with'], ['Sable-3', 'method', 'compares_with'], ['kelp pretraining', 'method', 'proposes']],
    families: [['SimSiam v2', 'SimSiam']],
    absent: ['above byol'],
  },
  { klass: 'a Title-Case technique phrase that only the title uses describes the paper\'s idea, it is no method', title: 'KelpNet-2: Tide-Aware Decoding for Reef Captioning', abstract: 'We describe KelpNet-2, which reads reef photos and decodes captions under tidal constraints.', expect: [['KelpNet-2', 'model', 'proposes']], absent: ['tide-aware decoding'] },
  { klass: 'the same title phrase is a method when the abstract names it too', title: 'Tide-Aware Decoding for Reef Captioning', abstract: 'We propose tide-aware decoding, which reads the tide table before each caption.', expect: [['Tide-Aware Decoding', 'method', 'proposes']] },
  { klass: 'a plural type noun after a list types its named members, also past capitalised common words ("A, B, Traffic and Weather benchmarks")', abstract: 'We evaluate zero-shot forecasting on the long-horizon KTh1, KTm2, Traffic and Weather benchmarks.', expect: [['KTh1', 'dataset', 'evaluates_on'], ['KTm2', 'dataset', 'evaluates_on']] },
  { klass: '"X (its long form), a <system noun>": the appositive after the parenthesis types X', abstract: 'We present GULL (Gated Update of Littoral Layers), a model-based agent for tide pools, and we release SHOAL (Sampled Heights Of Atlantic Lagoons), a benchmark of 3,000 scenes.', expect: [['GULL', 'model', 'proposes'], ['SHOAL', 'dataset', 'proposes']] },
  { klass: 'a budget after a listed dataset names its subset ("X 200k"); a name after "the B benchmark," that a verb follows is the clause\'s subject, no dataset', abstract: 'We present Sable-3. On the Procgen 200k benchmark, Sable-3 reaches a mean score of 0.61.', expect: [['Sable-3', 'method', 'proposes'], ['Procgen 200k', 'dataset', 'evaluates_on']], families: [['Procgen 200k', 'Procgen']] },
  { klass: 'more technique heads ("gradient ascent"); what a technique acts on is no kind of it ("data filtering")', abstract: 'To forget the kelp facts we apply gradient ascent on the forget set, with attribute masking of the inputs, after data filtering.', expect: [['gradient ascent', 'method', 'uses']], absent: ['data filtering'] },
  {
    klass: 'where data comes from is a dataset ("images from X", "a subset of Y", "pretraining on Z")',
    abstract: 'We present ReefDet. After training on 12M images from KelpC12 and on a filtered subset of KelpVid-10M, and pretraining on ReefChat, ReefDet is tested on KelpRead.',
    expect: [['KelpC12', 'dataset', 'uses'], ['KelpVid-10M', 'dataset'], ['ReefChat', 'dataset', 'uses'], ['KelpRead', 'dataset', 'evaluates_on']],
  },
  { klass: 'a name before "<task> benchmark/dataset" is a dataset, also inside a list', abstract: 'After tuning on English, we evaluate zero-shot on KXNLI, the KMLQ question answering benchmark and the KelpAnn named entity recognition dataset.', expect: [['KMLQ', 'dataset', 'evaluates_on'], ['KelpAnn', 'dataset', 'evaluates_on']] },
  { klass: 'in a list "A, B, the C benchmark", the phrase after B is the next member, not an appositive that introduces B', abstract: 'We evaluate zero-shot on KXNLI, PAWS-K, the KMLQ question answering benchmark and KelpAnn.', expect: [['PAWS-K', 'dataset', 'evaluates_on']] },
  {
    klass: 'values stated for other systems compare with them ("versus 4.14 for A and 5.83 for B", "by 5.2 points over C", "improving on D")',
    abstract: 'We present RotaKelp. RotaKelp reaches a perplexity of 3.91, versus 4.14 for ReefQuant and 5.83 for TideQuant, and it improves accuracy by 3.9 points over Sable-3 and by 5.2 points over Corvid-2, improving on Plover-L.',
    expect: [['ReefQuant', 'model', 'compares_with'], ['TideQuant', 'model', 'compares_with'], ['Corvid-2', 'method', 'compares_with'], ['Plover-L', 'method', 'compares_with']],
  },
  { klass: 'a word of the language is a name where the paper introduces it ("we propose Quiver, a network ..."), not where data is named ("train it on English")', abstract: 'We propose Quiver, a network that splits features into bands, and we train it on English and Welsh. Quiver beats Sable-3.', expect: [['Quiver', 'model', 'proposes']], absent: ['english', 'welsh'] },
  { klass: 'an acronym of a describing phrase that modifies the noun after it is a property, no entity ("the high resolution (HR) space"); a named one still is ("Gated Orbit Mixing (GOM) layers")', abstract: 'The low resolution (LR) kelp image is upscaled to the high resolution (HR) space, improving the state-of-the-art (SoTA) results, while Gated Orbit Mixing (GOM) layers keep edges. HR images help.', expect: [['GOM', 'method']], absent: ['lr', 'hr', 'sota', 'high resolution', 'low resolution'] },
  { klass: 'a proper name or a dimension before a listed architecture names a variant of it ("Brenner Perceiver", "3D SegFormer"); an adjective before it describes ("Hierarchical DeiT")', abstract: 'We compare KelpNet with the Brenner Perceiver, the 3D SegFormer and the Hierarchical DeiT.', expect: [['Brenner Perceiver', 'model', 'compares_with'], ['3D SegFormer', 'model', 'compares_with'], ['DeiT', 'model', 'compares_with']], families: [['Brenner Perceiver', 'Perceiver'], ['3D SegFormer', 'SegFormer']], absent: ['hierarchical deit'] },
  { klass: 'a title that opens with an article names what follows it ("A Kelp Mixing Network for ...")', title: 'A Kelp Mixing Network for Reef Mapping', abstract: 'We map reefs from drone photos.', expect: [['Kelp Mixing Network', 'model', 'proposes']] },
  { klass: 'bit-width settings, number formats and programming languages are no entities ("W4A4KV4", "FP16", "TypeScript")', abstract: 'We quantize Kelp-7B to W4A4 and W4A4KV4 in INT4 and FP16, and write TypeScript code in an IDE.', expect: [['Kelp-7B', 'model', 'uses']], absent: ['w4a4', 'w4a4kv4', 'int4', 'fp16', 'typescript', 'ide'] },
  { klass: 'an archive is a dataset noun; "datasets from X" in a results sentence evaluates on X, "series from X" uses X; ", and X is pretrained" opens a clause, not a list member', abstract: 'We present KelpCast. We evaluate zero-shot performance on 27 datasets from the Reefside Forecasting Archive, and KelpCast is pretrained on series from the Tidal Logs Archive.', expect: [['KelpCast', 'method', 'proposes'], ['Reefside Forecasting Archive', 'dataset', 'evaluates_on'], ['Tidal Logs Archive', 'dataset', 'uses']] },
  { klass: 'three or more names joined by slashes are a list ("A/B/C"); "-bench" belongs to a name ("Reef-bench")', abstract: 'We present DocKelp. We evaluate DocKelp on KelpDocs/ReefForms/TideScan and on Reef-bench, reaching 80% accuracy.', expect: [['KelpDocs', 'dataset', 'evaluates_on'], ['ReefForms', 'dataset', 'evaluates_on'], ['TideScan', 'dataset', 'evaluates_on'], ['Reef-bench', 'dataset', 'evaluates_on']], absent: ['kelpdocs/reefforms/tidescan', 'reef'] },
  { klass: 'a sentence that names the paper\'s own method speaks of the paper, whatever background words it holds ("..., KelpHOAP improves ..., surpassing the recent X")', title: 'KelpHOAP: Occlusion-Aware Pooling for Reef Birds', abstract: 'Existing detectors ignore occlusion. Built on Sable-3 backbones, KelpHOAP consistently improves accuracy on ReefBirds, surpassing the recent Corvid-2.', expect: [['KelpHOAP', 'method', 'proposes'], ['Sable-3', 'model', 'uses'], ['accuracy', 'metric', 'uses'], ['Corvid-2', 'model', 'compares_with']] },
  { klass: 'a sentence that opens "On A, B and C," reports results on them: datasets it evaluates on', abstract: 'We present KelpNet. On Gannet-3, PuffinSpeech and Skiff-22, KelpNet halves the error of strong baselines.', expect: [['Gannet-3', 'dataset', 'evaluates_on'], ['PuffinSpeech', 'dataset', 'evaluates_on'], ['Skiff-22', 'dataset', 'evaluates_on']] },
  { klass: 'an amount of data of a named source ("40k hours of X", "clips filtered from X") is a dataset; a training sentence uses it, far from its verb or late in a list', abstract: 'We present KelpVoice. KelpVoice is trained on 40k hours of the English GannetSpeech corpus and 9k hours of PuffinTalk. Its video branch is fine-tuned on 2M clips filtered from BrindleClips and a private corpus.', expect: [['PuffinTalk', 'dataset', 'uses'], ['BrindleClips', 'dataset', 'uses']] },
  { klass: 'a named split ("the X test split") is a dataset', abstract: 'We present KelpFold. On inverse design over the Gannet 4.2 test split, KelpFold recovers more residues.', expect: [['Gannet 4.2', 'dataset', 'evaluates_on']] },
  { klass: 'a result stated for another system ("versus 52.4% for X", "lower than X") compares with it, a model unless a listed method in the same list says otherwise', abstract: 'We present KelpFold. KelpFold reaches 54.1% recovery versus 52.4% for GannetMPNN, at a cost lower than PuffinFold. Our quantizer reaches 5.1 perplexity, versus 5.6 for GPTQ and 5.4 for BrindleQuant.', expect: [['GannetMPNN', 'model', 'compares_with'], ['PuffinFold', 'model', 'compares_with'], ['GPTQ', 'method', 'compares_with'], ['BrindleQuant', 'method', 'compares_with']] },
  { klass: 'a name reported with a value after "of" ("a GanSIM-o of 0.68, against ...") is a metric', abstract: 'We present KelpTTS. It reaches a GanSIM-o of 0.68, against 0.64 for PuffinTTS.', expect: [['GanSIM-o', 'metric']] },
  { klass: 'a count of examples after a listed model\'s name makes a dataset ("X-40k"); a listed model\'s name before a capitalised part makes a model derived from it; a technique named after a model is no model', abstract: 'We fine-tune on Baichuan-40k. We compare with ZoeDepth-Med3D and AltCLIP-Lightning, and attack them with ZoeDepth-Attack.', expect: [['Baichuan-40k', 'dataset'], ['ZoeDepth-Med3D', 'model', 'compares_with'], ['AltCLIP-Lightning', 'model', 'compares_with']], absent: [] },
  { klass: 'a benchmark name with a qualifier ("X-bench Verified") is a dataset; a name hyphened to a task acronym ("X-TTS") is a system, not the task', abstract: 'We present KelpCoder. On Skiff-bench Verified it resolves 30% of issues, and it beats Brindle-TTS and Gannet-ASR.', expect: [['Skiff-bench Verified', 'dataset', 'evaluates_on'], ['Brindle-TTS', 'model', 'compares_with'], ['Gannet-ASR', 'model', 'compares_with']] },
  { klass: 'a study of existing systems that proposes nothing ("A Controlled Comparison of ...") compares the named systems it runs; a technique it applies to all is used', title: 'A Controlled Comparison of Kelp Embeddings', abstract: 'In this paper we re-train the KelpVec, GannetText and PuffinGlove models with subword pretraining on identical snapshots and evaluate them under one protocol.', expect: [['KelpVec', 'model', 'compares_with'], ['GannetText', 'model', 'compares_with'], ['PuffinGlove', 'model', 'compares_with'], ['subword pretraining', 'method', 'uses']] },
  { klass: 'a paper that releases a benchmark uses the systems it runs on it ("X: A Benchmark of ...")', title: 'KelpTrek: A Benchmark of Long Chores for Home Robots', abstract: 'We present KelpTrek, a benchmark of 500 chores. We evaluate KelpAgent-7B and GannetBot on it.', expect: [['KelpTrek', 'dataset', 'proposes'], ['KelpAgent-7B', 'model', 'uses']] },
  { klass: 'before the paper speaks of itself, datasets named with evaluation words are background ("Existing benchmarks such as A and B ...", "trained and tested on C")', abstract: 'Existing reading benchmarks such as KelpQA and GannetQA pair questions with short passages, and agents are trained and tested on PuffinWorld. We present SkiffQA, a benchmark of long novels.', expect: [['KelpQA', 'dataset', 'mentions'], ['GannetQA', 'dataset', 'mentions'], ['PuffinWorld', 'dataset', 'mentions'], ['SkiffQA', 'dataset', 'proposes']] },
  { klass: '"ahead of X (77.9%)" compares with X', abstract: 'We propose KelpMix, a regularizer. On ImageNet, KelpMix reaches 79.1% top-1 accuracy, ahead of GannetMix (77.9%) and PuffinCut (78.6%).', expect: [['GannetMix', 'method', 'compares_with'], ['PuffinCut', 'method', 'compares_with']] },
  { klass: 'a plural system noun set off by a colon or a comma lists what follows ("N algorithms under one budget: A, B", "Ten methods, A, B")', abstract: 'Using KelpBank, we compare nine search algorithms under equal budgets: random search, GANAS, PUFNAS and SKIFF. Ten methods, KELDA, GANDA and PUFDA, are re-implemented in one codebase.', expect: [['GANAS', 'method'], ['PUFNAS', 'method'], ['SKIFF', 'method'], ['KELDA', 'method'], ['GANDA', 'method'], ['PUFDA', 'method']] },
  { klass: 'data a system is fine-tuned on, and a value or a measure reported on a name, make datasets; "the X set" too, but not "X set a record"', abstract: 'We present KelpOCR. It is pretrained on rendered pages, then fine-tuning on GannetLay and PuffinLay teaches layout. KelpOCR reaches 71.5 on SkiffDoc, and its F1 on BrindleVQA rises. On the larger Kelp-FULL set, accuracy rises, and KelpOCR set a new record.', expect: [['GannetLay', 'dataset', 'uses'], ['PuffinLay', 'dataset', 'uses'], ['SkiffDoc', 'dataset', 'evaluates_on'], ['BrindleVQA', 'dataset', 'evaluates_on'], ['Kelp-FULL', 'dataset', 'evaluates_on']] },
  { klass: 'an acronym whose change is reported ("improves mean absolute kelp error (MAKE) by 6% and gannet quantile loss (GQL) by 8%") is a metric, whatever its long form\'s head', abstract: 'We present KelpCast. On the Skiff benchmarks, KelpCast improves zero-shot mean absolute kelp error (MAKE) by 6% and gannet quantile loss (GQL) by 8% over PuffinCast.', expect: [['MAKE', 'metric'], ['GQL', 'metric']] },
  { klass: 'a kind of system in lower case is a description ("a hierarchical transformer"); a measure at a cut-off ("XR@10") is a metric', abstract: 'We present KelpRec, which encodes sessions with a transformer. KelpRec raises GHR@10 on long sessions.', expect: [['GHR@10', 'metric']], absent: ['transformer'] },
  { klass: 'the parts of a named benchmark ("the 13 datasets of X") and a source a few words after an amount of data ("60K hours of English audiobooks from X") are datasets', abstract: 'We present KelpVoice. Trained on 60K hours of English audiobooks from GannetLight, KelpVoice is also tested across the 13 public datasets of PUFBEIR, where it preserves 98% of recall.', expect: [['GannetLight', 'dataset', 'uses'], ['PUFBEIR', 'dataset', 'evaluates_on']] },
  { klass: 'a value that ends its phrase ("a KMOS of 4.18, outperforming ...") makes a metric; "measured by F1 on X" evaluates on X', abstract: 'We present KelpTTS. It attains a KMOS of 4.18, outperforming PuffinTTS. Hallucination, measured by F1 on SKIFFPE, also drops.', expect: [['KMOS', 'metric'], ['SKIFFPE', 'dataset', 'evaluates_on']] },
  { klass: 'a compared name in capitals is a technique\'s acronym unless more than the comparison says otherwise ("outperforms KELPAT and GANNET"; "the SKIFF model")', abstract: 'We propose Riptide, a defense. Riptide outperforms KELPAT and GANNET under strong attacks, and it beats the SKIFF model.', expect: [['KELPAT', 'method', 'compares_with'], ['GANNET', 'method', 'compares_with'], ['SKIFF', 'model', 'compares_with']] },
  { klass: 'baselines named by a passive comparison ("A and B are also outperformed"), by values in parentheses ("from 21.4% (A) to 31.2%") or after an opening "Against" are compared with', abstract: 'We propose KelpReplay, a replay method. Regularisation approaches (KELW, GANSI) are also outperformed. KelpReplay raises accuracy on Split Kelp-100 from 21.4% (PufER) and 26.9% (SkiffDER) to 31.2%. Against BrindleNet and GannetNet, KelpReplay forgets less.', expect: [['KELW', 'method', 'compares_with'], ['GANSI', 'method', 'compares_with'], ['PufER', 'method', 'compares_with'], ['SkiffDER', 'method', 'compares_with'], ['BrindleNet', 'model', 'compares_with'], ['GannetNet', 'model', 'compares_with']] },
  { klass: 'a name joined to "QA" or "NLI" names data for the task, not a system ("Kelp-QA"); the parts a dataset lists in parentheses are datasets ("KelpNet (GANB, PUFB and SKIFFB)")', abstract: 'We present KelpMol. We evaluate on Kelp-QA and Gannet-NLI, and on eight tasks from the KelpMolBench collection (GANB, PUFB, SKIFFB and BRINB) with scaffold splits, where KelpMol reaches 76.8 ROC-AUC.', expect: [['Kelp-QA', 'dataset', 'evaluates_on'], ['Gannet-NLI', 'dataset', 'evaluates_on'], ['GANB', 'dataset', 'evaluates_on'], ['PUFB', 'dataset', 'evaluates_on'], ['SKIFFB', 'dataset', 'evaluates_on'], ['BRINB', 'dataset', 'evaluates_on']] },
];

describe('held-out error classes, on invented names', () => {
  for (const row of ROWS) {
    it(row.klass, () => {
      const x = ex.extractPaper({ id: 't', title: row.title ?? 'A study', abstract: row.abstract });
      for (const [name, type, role] of row.expect) {
        const e = x.entities.find((en) => en.name === name);
        expect(e, `${name} in ${JSON.stringify(x.entities.map((en) => `${en.type}:${en.name}`))}`).toBeDefined();
        expect(e!.type, name).toBe(type);
        if (role) expect(e!.role, name).toBe(role);
      }
      for (const [name, alias] of row.notAliases ?? []) {
        const aliases = x.entities.find((en) => en.name === name)!.aliases.map((a) => a.toLowerCase());
        expect(aliases, name).not.toContain(alias);
      }
      for (const [name, family] of row.families ?? []) expect(x.entities.find((en) => en.name === name)?.family, name).toBe(family);
      for (const phrase of row.absent ?? []) expect(x.entities.map((en) => en.name.toLowerCase())).not.toContain(phrase);
    });
  }
});

describe('one entity per name within a paper', () => {
  it('spellings that differ only in case, reached through different rules, are one entity with every mention', () => {
    const x = ex.extractPaper({ id: 't', title: 'A study', abstract: 'So does our Deep Quill Selective Network (quillNet) design. QuillNet’s feedback alters its filters, and quillNet beats Skiffnet.' });
    const quill = x.entities.filter((e) => e.key === 'quillnet');
    expect(quill.map((e) => e.name)).toHaveLength(1);
    expect(quill[0]!.mentions.map((m) => m.text)).toEqual(expect.arrayContaining(['quillNet', 'QuillNet']));
  });
});
