export { OpenRecording, SAMPLE_RECORDING } from './OpenRecording';
export { ReplayBar } from './ReplayBar';
