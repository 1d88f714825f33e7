// General-knowledge additions to the sourced gazetteer (lexicon/*.tsv).
//
// The sourced lists are LLM-heavy: they lack the classic architectures,
// vision/RL benchmarks and common metrics that older abstracts name constantly
// (CIFAR-10, MNIST, U-Net, ChatGPT, F1, FID). These rows are written from
// general knowledge of the field (source `papergraph`, Apache-2.0), never from
// the evaluation corpora. Format: one row per line, `name<TAB>aliases<TAB>family`,
// aliases separated by ` | `. A row whose key already exists in the sourced
// file of the same type only contributes its aliases.

export const SUPPLEMENT_MODELS = `
ChatGPT	GPT-3.5-turbo
AlexNet
GoogLeNet
U-Net	UNet
V-Net
R-CNN
Fast R-CNN		R-CNN
Faster R-CNN		R-CNN
Mask R-CNN		R-CNN
Cascade R-CNN		R-CNN
YOLO
RetinaNet
PointNet
PointNet++		PointNet
DeepLab
DeepLabv3		DeepLab
DeepLabv3+		DeepLab
SENet
ShuffleNet
SqueezeNet
Xception
HRNet
word2vec
GloVe
fastText
ELMo
WaveNet
Tacotron
Tacotron 2		Tacotron
AlphaGo
AlphaGo Zero		AlphaGo
AlphaZero
AlphaFold
MuZero
StyleGAN
StyleGAN2		StyleGAN
CycleGAN
pix2pix
DCGAN
BigGAN
WGAN	Wasserstein GAN
Imagen
GLIDE
Flamingo
BLIP-2		BLIP
SimCSE
Sentence-BERT	SBERT
ColBERT
DPR	dense passage retriever
SciBERT		BERT
BioBERT		BERT
ClinicalBERT		BERT
mBERT	multilingual BERT	BERT
XLM-R	XLM-RoBERTa	RoBERTa
Segment Anything	SAM model
Vision Transformer		ViT
Deep Speech	DeepSpeech
Wav2Vec	wav2vec
Seq2Seq model
`;

export const SUPPLEMENT_DATASETS = `
MNIST
Fashion-MNIST
EMNIST
KMNIST
CIFAR-10	CIFAR10
CIFAR-100	CIFAR100
CIFAR
SVHN	Street View House Numbers
STL-10
Tiny ImageNet	TinyImageNet
ImageNet-1K	ILSVRC
ImageNet-21K
MS COCO	COCO | Microsoft COCO
PASCAL VOC	VOC
LVIS
Open Images
Places365	Places
CelebA
CelebA-HQ
FFHQ
LSUN
LFW	Labeled Faces in the Wild
CUB-200-2011	CUB | CUB-200
Stanford Cars
FGVC-Aircraft
Oxford Flowers	Flowers102 | Oxford 102 Flowers
Oxford-IIIT Pets	Oxford Pets
Caltech-101
Caltech-256
DTD	Describable Textures Dataset
EuroSAT
Kinetics	Kinetics-400
UCF101	UCF-101
HMDB51	HMDB-51
Something-Something
KITTI
nuScenes
Waymo Open Dataset
ScanNet
ShapeNet
ModelNet40	ModelNet
S3DIS
MPII	MPII Human Pose
Human3.6M
DAVIS
YouTube-VOS
Visual Genome
Flickr30k
Flickr8k
Conceptual Captions	CC3M
LAION-400M
LAION-5B
CLEVR
OK-VQA
DomainNet
Office-31
Office-Home
PACS
SST-2
STS-B
CoLA
QQP
MNLI
QNLI
RTE
BoolQ
COPA
WiC
20 Newsgroups
Amazon Reviews
enwik8
WMT
IWSLT
TriviaQA
Common Voice
LibriSpeech
WSJ	Wall Street Journal corpus
ESC-50
Speech Commands
Atari 2600	Atari | Arcade Learning Environment | ALE
MuJoCo
OpenAI Gym
DeepMind Control Suite	DMC
Procgen
Meta-World
D4RL
Cora
Citeseer	CiteSeer
PubMed
OGB	Open Graph Benchmark
QM9
ZINC
MovieLens
Criteo
APPS
`;

export const SUPPLEMENT_METRICS = `
F1	F1-score | F-measure | F1 score
MAE	mean absolute error
MSE	mean squared error
RMSE	root mean squared error | root mean square error
AUC	area under the curve | AUROC | ROC-AUC | ROC AUC
AUPRC	area under the precision-recall curve
FID	Fréchet Inception Distance | Frechet Inception Distance
Inception Score
IoU	intersection over union | intersection-over-union
mAP	mean average precision
AP	average precision
NDCG	normalized discounted cumulative gain
ROUGE
SPICE
BERTScore
LPIPS
Dice coefficient	Dice score
Jaccard index
NLL	negative log-likelihood
log-likelihood
bits per dimension	bits/dim
ECE	expected calibration error
EER	equal error rate
pass@k	pass@1 | pass@10 | pass@100
success rate
error rate
top-1 accuracy
BLEU score
win rate
exact match
`;
